namespace Orchestration.Secrets.Tests.Configuration;

public sealed class TypedSecretFileTests
{
    [Fact]
    public void SecretFile_attributes_become_secret_files_of_the_generated_spec()
    {
        Assert.Equal(
            [
                new FileSpec("/run/secrets/api-token", FileSourceKind.Secret, "api-token"),
                new FileSpec("/run/db/password", FileSourceKind.Secret, "db-password"),
            ],
            TypedSecretFiles.Spec.Files.AsEnumerable());
    }
}
