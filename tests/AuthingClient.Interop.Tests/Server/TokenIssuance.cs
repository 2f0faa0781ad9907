using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthingClient.Interop.Tests.Server;

/// <summary>
/// The token endpoint's decisions: the password grant for one test user, and the refresh-token
/// grant re-issuing what the refresh token carried. Every access token names the resource server
/// as its audience so that client can introspect it.
/// </summary>
public static class TokenIssuance
{
    public const string UserName = "alice";
    public const string Password = "alice-password";

    public static ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (context.Request.IsPasswordGrantType())
        {
            if (context.Request.Username != UserName || context.Request.Password != Password)
            {
                context.Reject(error: Errors.InvalidGrant, description: "The user name or password is wrong.");
                return default;
            }

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, UserName).SetClaim(Claims.Name, UserName);
            identity.SetScopes(context.Request.GetScopes());
            identity.SetAudiences(RegisteredClient.ResourceServer.ClientId);
            context.SignIn(WithDestinations(identity));
            return default;
        }

        if (context.Request.IsRefreshTokenGrantType() && context.RefreshTokenPrincipal is { } refreshed)
        {
            // OpenIddict has already checked the refresh token (and refused a revoked one).
            var identity = new ClaimsIdentity(refreshed.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            context.SignIn(WithDestinations(identity));
            return default;
        }

        context.Reject(error: Errors.UnsupportedGrantType, description: "The test server issues tokens for the password and refresh_token grants only.");
        return default;
    }

    private static ClaimsPrincipal WithDestinations(ClaimsIdentity identity)
    {
        identity.SetDestinations(static claim => claim.Type is Claims.Subject or Claims.Name
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
