using System.Text;
using AuthingClient.Contract;

namespace AuthingClient.Transport;

/// <summary>
/// Builds each revocation request (RFC 7009 §2.1): the form's fields, and the client
/// authentication (RFC 6749 §2.3.1) computed once from validated options — which credentials go
/// into the form and whether a Basic header is sent. Exactly one credential-bearing mechanism is
/// ever used. Refit's generated client then turns the form into bytes.
/// </summary>
internal sealed class RevocationRequestBuilder
{
    private readonly string _clientId;
    private readonly string? _secretInBody;

    private RevocationRequestBuilder(string clientId, string? secretInBody, string? basicAuthorization)
    {
        _clientId = clientId;
        _secretInBody = secretInBody;
        BasicAuthorization = basicAuthorization;
    }

    /// <summary>The <c>Authorization</c> header value for client_secret_basic, otherwise <see langword="null"/>.</summary>
    public string? BasicAuthorization { get; }

    public static RevocationRequestBuilder From(AuthenticationClientOptions options)
    {
        var clientId = options.AppId!;
        return options.RevocationEndPointAuthMethod switch
        {
            ClientAuthenticationMethod.ClientSecretPost => new(clientId, options.AppSecret, basicAuthorization: null),
            ClientAuthenticationMethod.ClientSecretBasic => new(clientId, secretInBody: null, BasicHeaderValue(clientId, options.AppSecret!)),
            ClientAuthenticationMethod.None => new(clientId, secretInBody: null, basicAuthorization: null),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.RevocationEndPointAuthMethod, "Unknown revocation auth method."),
        };
    }

    /// <summary>The form of one revocation (RFC 7009 §2.1); the hint only when the caller gave one.</summary>
    /// <param name="token">The token, already checked (<see cref="TokenArgument"/>).</param>
    /// <param name="hint">The caller's hint, already checked to be defined.</param>
    public RevocationRequest Build(string token, TokenTypeHint? hint) => new()
    {
        Token = token,
        Token_type_hint = ToContract(hint),
        Client_id = _clientId,
        Client_secret = _secretInBody,
    };

    /// <summary>Never shows credentials.</summary>
    public override string ToString() => "RevocationRequestBuilder(***)";

    // The one place the public hint becomes the generated contract's: the request path carries the public one.
    private static Contract.TokenTypeHint? ToContract(TokenTypeHint? hint) => hint switch
    {
        null => null,
        TokenTypeHint.AccessToken => Contract.TokenTypeHint.Access_token,
        TokenTypeHint.RefreshToken => Contract.TokenTypeHint.Refresh_token,
        _ => throw new ArgumentOutOfRangeException(nameof(hint), hint, "Not a defined token type hint."),
    };

    // RFC 6749 §2.3.1: id and secret are form-encoded *before* base64. Authing's hex ids and
    // secrets are unchanged by that, but a secret with '+', '%', ':' or a space is not.
    private static string BasicHeaderValue(string clientId, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FormEncode(clientId) + ":" + FormEncode(secret)));

    // The same encoding FormUrlEncodedContent applies to the body, so both halves of a request agree.
    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
