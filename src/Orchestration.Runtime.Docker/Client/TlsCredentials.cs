using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace Orchestration.Runtime.Docker.Client;

/// <summary>TLS client certificate credentials from a Docker certificate directory (cert.pem, key.pem, ca.pem).
/// When ca.pem is present the engine's certificate must chain to it; otherwise the system trust store decides.</summary>
internal static class TlsCredentials
{
    public static IAuthProvider Load(string directory)
    {
        var certificate = DockerTlsCertificates.LoadCertificateFromPemFiles(
            Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        var credentials = new CertificateCredentials(certificate);
        var caPath = Path.Combine(directory, "ca.pem");
        if (File.Exists(caPath))
        {
            // Only the certificate: CreateFromPemFile would look for the authority's private key in the file.
            var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
            credentials.ServerCertificateValidationCallback = (_, serverCertificate, _, errors) =>
                ChainsTo(serverCertificate, errors, authority);
        }

        return credentials;
    }

    private static bool ChainsTo(X509Certificate? serverCertificate, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (serverCertificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(serverCertificate);
        return chain.Build(certificate);
    }
}
