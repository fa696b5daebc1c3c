using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Orchestration.Generators.Model;

namespace Orchestration.Generators.Parsing;

/// <summary>Reads one attribute application: its argument values and where each argument is written.</summary>
internal readonly struct AttributeReader
{
    public AttributeReader(AttributeData data, CancellationToken cancellationToken)
    {
        Data = data;
        Syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
    }

    public AttributeData Data { get; }

    public AttributeSyntax? Syntax { get; }

    /// <summary>The attribute as written, without "Attribute" and arguments, such as "[DependsOn&lt;Database&gt;]".</summary>
    public string Display
    {
        get
        {
            var name = Syntax?.Name.ToString() ?? Data.AttributeClass?.Name ?? "?";
            return "[" + name + "]";
        }
    }

    public LocationInfo? Location => LocationInfo.From(Syntax);

    public TypedConstant Ctor(int index)
        => index < Data.ConstructorArguments.Length ? Data.ConstructorArguments[index] : default;

    public string? CtorString(int index) => Ctor(index).Value as string;

    public int? CtorInt(int index) => Ctor(index).Value is int value ? value : null;

    public ImmutableArray<string> CtorStrings(int index)
    {
        var constant = Ctor(index);
        return constant.Kind == TypedConstantKind.Array && !constant.Values.IsDefault
            ? constant.Values.Select(v => v.Value as string ?? string.Empty).ToImmutableArray()
            : ImmutableArray<string>.Empty;
    }

    public bool TryNamed(string name, out TypedConstant value)
    {
        foreach (var pair in Data.NamedArguments)
        {
            if (pair.Key == name)
            {
                value = pair.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool HasNamed(string name) => TryNamed(name, out _);

    public string? NamedString(string name) => TryNamed(name, out var v) ? v.Value as string : null;

    public int? NamedInt(string name) => TryNamed(name, out var v) && v.Value is int i ? i : null;

    public long? NamedLong(string name) => TryNamed(name, out var v) && v.Value is long l ? l : null;

    public double? NamedDouble(string name) => TryNamed(name, out var v) && v.Value is double d ? d : null;

    public bool? NamedBool(string name) => TryNamed(name, out var v) && v.Value is bool b ? b : null;

    public string? NamedEnum(string name) => TryNamed(name, out var v) ? EnumExpression(v) : null;

    public ImmutableArray<string>? NamedStrings(string name)
        => TryNamed(name, out var v) && v.Kind == TypedConstantKind.Array && !v.Values.IsDefault
            ? v.Values.Select(x => x.Value as string ?? string.Empty).ToImmutableArray()
            : null;

    /// <summary>Where the constructor argument for parameter <paramref name="index"/> is written; the whole attribute
    /// when it cannot be told.</summary>
    public LocationInfo? CtorLocation(int index) => CtorArgument(index) is { } argument ? LocationInfo.From(argument) : Location;

    /// <summary>Where the named argument <paramref name="name"/> is written; the whole attribute when absent.</summary>
    public LocationInfo? NamedLocation(string name) => NamedArgument(name) is { } argument ? LocationInfo.From(argument) : Location;

    /// <summary>The syntax of the constructor argument for parameter <paramref name="index"/>.</summary>
    public AttributeArgumentSyntax? CtorArgument(int index)
    {
        var arguments = Syntax?.ArgumentList?.Arguments;
        if (arguments is null)
        {
            return null;
        }

        var parameters = Data.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        var parameterName = index < parameters.Length ? parameters[index].Name : null;
        var position = 0;
        foreach (var argument in arguments.Value)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is not null)
            {
                if (argument.NameColon.Name.Identifier.ValueText == parameterName)
                {
                    return argument;
                }

                continue;
            }

            if (position == index)
            {
                return argument;
            }

            position++;
        }

        return null;
    }

    /// <summary>The syntax of the named argument <paramref name="name"/>.</summary>
    public AttributeArgumentSyntax? NamedArgument(string name)
        => Syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>Where the generic attribute's type argument is written, such as <c>Database</c> in
    /// <c>[DependsOn&lt;Database&gt;]</c>.</summary>
    public LocationInfo? TypeArgumentLocation
    {
        get
        {
            var name = Syntax?.Name;
            if (name is QualifiedNameSyntax qualified)
            {
                name = qualified.Right;
            }
            else if (name is AliasQualifiedNameSyntax alias)
            {
                name = alias.Name;
            }

            return name is GenericNameSyntax { TypeArgumentList.Arguments.Count: > 0 } generic
                ? LocationInfo.From(generic.TypeArgumentList.Arguments[0])
                : Location;
        }
    }

    /// <summary>The C# expression of an enum constant, such as <c>global::Orchestration.RestartMode.OnFailure</c>.</summary>
    public static string? EnumExpression(TypedConstant constant)
    {
        if (constant.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || constant.Value is null)
        {
            return null;
        }

        var typeName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var member = EnumMemberName(constant);
        return member is null ? $"(({typeName}){constant.Value})" : typeName + "." + member;
    }

    /// <summary>The name of the enum member a constant holds, such as "Readiness".</summary>
    public static string? EnumMemberName(TypedConstant constant)
    {
        if (constant.Type is not INamedTypeSymbol enumType || constant.Value is null)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
            {
                return field.Name;
            }
        }

        return null;
    }
}
