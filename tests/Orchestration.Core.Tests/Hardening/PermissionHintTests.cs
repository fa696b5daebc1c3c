namespace Orchestration.Tests.Hardening;

public class PermissionHintTests
{
    private static WorkloadSpec Web(SecuritySpec security) => new() { Name = "web", Image = "nginx", Security = security };

    [Fact]
    public void A_permission_error_under_restricted_names_the_profile()
        => Assert.Contains("the Restricted security profile (security.profile)",
            PermissionHints.For(Web(new SecuritySpec { Profile = SecurityProfile.Restricted, User = "www-data" }), "exited with code 1: chown(\"/var/lib/nginx\") failed (1: Operation not permitted)"),
            StringComparison.Ordinal);

    [Fact]
    public void A_permission_error_under_baseline_names_the_dropped_capabilities_and_no_new_privileges()
        => Assert.Contains("security.addCapabilities", PermissionHints.For(Web(SecuritySpec.Default), "exited with code 1: ping: Operation not permitted"), StringComparison.Ordinal);

    [Fact]
    public void A_read_only_root_names_the_setting()
        => Assert.Contains("security.readOnlyRootFilesystem", PermissionHints.For(Web(new SecuritySpec { ReadOnlyRootFilesystem = true }), "open() \"/run/nginx.pid\" failed (30: Read-only file system)"), StringComparison.Ordinal);

    [Fact]
    public void Other_exits_get_no_hint()
        => Assert.Equal(string.Empty, PermissionHints.For(Web(SecuritySpec.Default), "exited with code 3: no such file"));
}
