namespace Orchestration.AspNetCore;

/// <summary>Default values of <see cref="OrchestrationDashboardOptions"/>.</summary>
internal static class DashboardDefaults
{
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    public const int RecentEvents = 200;

    public const int LogTail = 200;

    /// <summary>Where <c>MapOrchestrationDashboard()</c> serves the page; its API is under <c>/api</c> below it.</summary>
    public const string DashboardPattern = "/orchestration";

    /// <summary>Where <c>MapOrchestrationApi()</c> maps the API when called alone.</summary>
    public const string ApiPattern = "/orchestration/api";
}
