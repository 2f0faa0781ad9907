using System.Security.Claims;
using AuthingClient;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AuthingClient.Samples.ProtectedApi;

/// <summary>
/// A service that validates Authing-issued JWTs locally and still honours revocations, on every
/// instance of a farm: the revoked-token registry is replicated through Redis when
/// <c>Authing:RevokedTokens:Redis</c> is set, in memory otherwise. Revocations made elsewhere arrive
/// through Authing's webhook (<c>POST /authing/events</c>, when <c>Authing:Webhook:Secret</c> is set)
/// and OpenID Connect back-channel logout (<c>POST /backchannel-logout</c>).
/// </summary>
public static class ProtectedApiApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var configuration = builder.Configuration;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Required(configuration, "Jwt:Issuer"),
                    ValidAudience = Required(configuration, "Jwt:Audience"),
                    IssuerSigningKey = PublicKeyFile.Read(Required(configuration, "Jwt:PublicKeyFile")),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                };
            })
            .AddAuthingRevocationCheck();
        builder.Services.AddAuthorization();

        // Users forced offline, blocked, archived or deleted in the Authing console, or whose password
        // changed: their tokens die on every instance. The revocations name the issuer JwtBearer trusts.
        var webhookSecret = configuration["Authing:Webhook:Secret"];
        if (!string.IsNullOrWhiteSpace(webhookSecret))
        {
            builder.Services.AddAuthingWebhook(o =>
            {
                o.Secret = webhookSecret;
                o.Issuer = Required(configuration, "Jwt:Issuer");
            });
        }

        // Logout tokens are validated with the JwtBearer scheme's issuer and key (Jwt:*), addressed to this app.
        builder.Services.AddAuthingBackChannelLogout(o => o.ClientId = Required(configuration, "Authing:AppId"));

        // Every revocation marks the registry the check consults: one registry per process.
        builder.Services.AddAuthingAuthenticationClient(configuration.GetSection("Authing"));
        var revokedTokens = configuration.GetSection("Authing:RevokedTokens");
        if (!string.IsNullOrWhiteSpace(revokedTokens["Redis"]))
        {
            builder.Services.AddAuthingRedisRevokedTokenRegistry(revokedTokens);
        }
        else
        {
            builder.Services.AddHealthChecks();
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new { sub = user.FindFirstValue("sub") })).RequireAuthorization();

        // Revokes the caller's own token at Authing and in every instance's registry. The token is
        // marked before Authing is called, so even if Authing fails it is dead here (fail-closed).
        app.MapPost("/logout", async (HttpContext http, AuthenticationClient authing, CancellationToken cancellationToken) =>
        {
            var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            try
            {
                await authing.RevokeTokenAsync(token, TokenTypeHint.AccessToken, cancellationToken);
                return Results.NoContent();
            }
            catch (AuthingRevocationException failure)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Authing did not confirm the revocation.", detail: failure.Outcome.ToString());
            }
        }).RequireAuthorization();

        if (!string.IsNullOrWhiteSpace(webhookSecret))
        {
            app.MapAuthingWebhook("/authing/events");
        }

        app.MapBackChannelLogout("/backchannel-logout");

        // 503 until the replica has loaded; 200 after, degraded included: a Redis outage must not
        // make a load balancer pull every instance.
        app.MapHealthChecks("/health");
        return app;
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"The setting {key} is required.");
}
