namespace Orchestration.Secrets.Tests.Configuration;

[Workload("store", Image = "orchestration/busybox:1")]
[SecretFile("api-token")]
[SecretFile("db-password", Path = "/run/db/password")]
public sealed partial class TypedSecretFiles;
