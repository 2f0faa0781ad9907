using System.Security.Cryptography;
using System.Text;

namespace AuthingClient.Testing.Revocation;

/// <summary>
/// Checks client authentication at the revocation endpoint the way Authing does (RFC 6749 §2.3.1,
/// RFC 7009 §2.1): exactly one credential-bearing mechanism per request, the one the application
/// is configured for, and never HTTP Basic on the OAuth 2.0 endpoint. Messages never echo a
/// secret or a token.
/// </summary>
internal sealed class ClientAuthenticator
{
    private const string ClientIdField = "client_id";
    private const string ClientSecretField = "client_secret";

    private readonly AuthingStandInOptions _app;

    public ClientAuthenticator(AuthingStandInOptions app) => _app = app;

    /// <summary>Returns <see langword="null"/> when the client is authenticated, otherwise the error answer.</summary>
    public EndpointResponse? Authenticate(IReadOnlyList<string> authorization, FormBody form)
    {
        if (authorization.Count > 1)
        {
            return EndpointResponse.InvalidRequest("The Authorization header is included more than once.");
        }

        var header = authorization.Count == 1 ? authorization[0] : null;
        if (header is not null && form.Contains(ClientSecretField))
        {
            return EndpointResponse.InvalidRequest(
                "Client credentials were sent both in the Authorization header and in the body; use exactly one authentication method (RFC 6749 §2.3).");
        }

        if (header is not null && !BasicCredentials.IsBasic(header))
        {
            return EndpointResponse.InvalidClient("Only HTTP Basic client authentication is accepted in the Authorization header.", triedAuthorizationHeader: true);
        }

        if (header is not null && _app.Protocol == AuthingProtocol.OAuth)
        {
            return EndpointResponse.InvalidClient(
                "The OAuth 2.0 revocation endpoint does not accept HTTP Basic client authentication; send the credentials in the body.",
                triedAuthorizationHeader: true);
        }

        return _app.RevocationEndPointAuthMethod switch
        {
            ClientAuthenticationMethod.ClientSecretBasic => AuthenticateBasic(header, form),
            ClientAuthenticationMethod.None => AuthenticatePublicClient(header, form),
            _ => AuthenticatePost(header, form),
        };
    }

    private EndpointResponse? AuthenticatePost(string? header, FormBody form)
    {
        if (header is not null)
        {
            return EndpointResponse.InvalidClient(
                "This application authenticates with client_secret_post: send client_id and client_secret in the body, not an Authorization header.",
                triedAuthorizationHeader: true);
        }

        if (CheckClientId(form[ClientIdField]) is { } failure)
        {
            return failure;
        }

        if (form[ClientSecretField] is not { Length: > 0 } secret)
        {
            return EndpointResponse.InvalidClient("client_secret is required: this application authenticates with client_secret_post.", triedAuthorizationHeader: false);
        }

        return SecretMatches(secret)
            ? null
            : EndpointResponse.InvalidClient("Client authentication failed: the client_secret is wrong.", triedAuthorizationHeader: false);
    }

    private EndpointResponse? AuthenticateBasic(string? header, FormBody form)
    {
        if (header is null)
        {
            return EndpointResponse.InvalidClient(
                "This application authenticates with client_secret_basic: send the credentials in an HTTP Basic Authorization header.",
                triedAuthorizationHeader: false);
        }

        if (!BasicCredentials.TryParse(header, out var credentials))
        {
            return EndpointResponse.InvalidClient(
                "The Basic credentials are malformed: expected base64 of the form-encoded client id and secret joined by ':' (RFC 6749 §2.3.1).",
                triedAuthorizationHeader: true);
        }

        if (!string.Equals(credentials.ClientId, _app.AppId, StringComparison.Ordinal) || !SecretMatches(credentials.ClientSecret))
        {
            return EndpointResponse.InvalidClient("Client authentication failed: the Basic credentials are wrong.", triedAuthorizationHeader: true);
        }

        // Authing reads the client from the body even with Basic: it must be there and agree.
        return form[ClientIdField] switch
        {
            null or "" => EndpointResponse.InvalidClient("client_id is required in the body.", triedAuthorizationHeader: true),
            var bodyId when !string.Equals(bodyId, credentials.ClientId, StringComparison.Ordinal) =>
                EndpointResponse.InvalidClient("The client_id in the body does not match the Basic credentials.", triedAuthorizationHeader: true),
            _ => null,
        };
    }

    private EndpointResponse? AuthenticatePublicClient(string? header, FormBody form)
    {
        if (header is not null || form.Contains(ClientSecretField))
        {
            return EndpointResponse.InvalidClient(
                "This application is a public client (none): it must not send a client secret.",
                triedAuthorizationHeader: header is not null);
        }

        return CheckClientId(form[ClientIdField]);
    }

    private EndpointResponse? CheckClientId(string? clientId) => clientId switch
    {
        null or "" => EndpointResponse.InvalidClient("client_id is required.", triedAuthorizationHeader: false),
        _ when !string.Equals(clientId, _app.AppId, StringComparison.Ordinal) =>
            EndpointResponse.InvalidClient("Client authentication failed: unknown client_id.", triedAuthorizationHeader: false),
        _ => null,
    };

    private bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_app.AppSecret));
}
