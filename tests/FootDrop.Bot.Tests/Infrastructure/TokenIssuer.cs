using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>What a token says, and which key signs it. Left as they are, they make a valid Bot Connector token.</summary>
public sealed record TokenClaims(
    string Audience,
    string ServiceUrl,
    string Issuer = TokenIssuer.BotConnectorIssuer,
    TimeSpan? ValidFrom = null,
    TimeSpan? ValidFor = null,
    RSA? SignWith = null);

/// <summary>
/// A stand-in for the Bot Connector's token service on 127.0.0.1: an RSA key this test owns, published as OpenID
/// metadata and a JSON Web Key Set, and tokens signed with it. The SDK fetches metadata over HTTPS only, so the
/// endpoint serves HTTPS with a self-signed certificate for 127.0.0.1, which the bot under test is told to trust.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    /// <summary>The issuer of the tokens Azure Bot Service sends to bots.</summary>
    public const string BotConnectorIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);

    private TokenIssuer(WebApplication app, X509Certificate2 certificate, IReadOnlyList<string> endorsements)
    {
        _app = app;
        Certificate = certificate;
        Endorsements = endorsements;
    }

    /// <summary>The key id the published key has, which every token names in its header.</summary>
    public string KeyId { get; } = "test-key-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The channels the key is endorsed for; the SDK refuses a token for an activity from any other channel.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri MetadataUrl => new(BaseAddress, "/v1/.well-known/openidconfiguration");

    public static async Task<TokenIssuer> StartAsync(params string[] endorsements)
    {
        var certificate = CreateLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var issuer = new TokenIssuer(app, certificate, endorsements);
        app.MapGet("/v1/.well-known/openidconfiguration", issuer.Metadata);
        app.MapGet("/v1/.well-known/keys", issuer.Keys);
        await app.StartAsync();
        issuer.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return issuer;
    }

    /// <summary>The certificate as PEM, for a process that should trust this endpoint (through SSL_CERT_FILE).</summary>
    public string CertificatePem() => Certificate.ExportCertificatePem();

    public string CreateToken(TokenClaims claims)
    {
        var now = DateTime.UtcNow;
        var validFrom = now + (claims.ValidFrom ?? TimeSpan.FromMinutes(-1));
        var key = new RsaSecurityKey(claims.SignWith ?? _key) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            Audience = claims.Audience,
            IssuedAt = validFrom,
            NotBefore = validFrom,
            Expires = validFrom + (claims.ValidFor ?? TimeSpan.FromHours(1)),
            Subject = new ClaimsIdentity([new Claim("serviceurl", claims.ServiceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateToken(descriptor));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));
    }

    private IResult Metadata() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = BotConnectorIssuer,
        ["jwks_uri"] = new Uri(BaseAddress, "/v1/.well-known/keys").ToString(),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = Endorsements,
        };
        return Results.Json(new Dictionary<string, object> { ["keys"] = new[] { jwk } });
    }
}
