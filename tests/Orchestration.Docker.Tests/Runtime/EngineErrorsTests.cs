using System.Net.Http;
using System.Security.Authentication;
using Orchestration.Runtime.Docker.Client;

namespace Orchestration.Docker.Tests.Runtime;

public sealed class EngineErrorsTests
{
    [Fact]
    public void Describe_reads_every_cause_once_instead_of_see_inner_exception()
    {
        var failure = new HttpRequestException(
            "The SSL connection could not be established, see inner exception.",
            new AuthenticationException("Authentication failed, see inner exception.", new IOException("sslv3 alert bad certificate")));

        Assert.Equal(
            "The SSL connection could not be established: Authentication failed: sslv3 alert bad certificate",
            EngineErrors.Describe(failure));
    }

    [Fact]
    public void Describe_does_not_repeat_a_cause_that_says_the_same()
    {
        var failure = new IOException("Connection refused", new IOException("Connection refused."));

        Assert.Equal("Connection refused", EngineErrors.Describe(failure));
    }
}
