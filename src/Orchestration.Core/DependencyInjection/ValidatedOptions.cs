using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orchestration.DependencyInjection;

/// <summary>How every package of the SDK registers its options: each call adds its configure step, the options are
/// validated when the host starts, and the validator (which reports every invalid option at once) is registered
/// once however often the package is added. Compiled into each package that registers options (linked source).</summary>
internal static class ValidatedOptions
{
    /// <summary>Adds <paramref name="configure"/> (when given) to <typeparamref name="TOptions"/> and validates them
    /// with <typeparamref name="TValidator"/> when the host starts.</summary>
    public static void Add<TOptions, TValidator>(IServiceCollection services, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
