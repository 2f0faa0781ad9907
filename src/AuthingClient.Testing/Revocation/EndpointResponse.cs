using System.Net;
using System.Text;
using System.Text.Json;

namespace AuthingClient.Testing.Revocation;

/// <summary>An answer of the revocation endpoint, independent of the server that sends it.</summary>
internal sealed class EndpointResponse
{
    private EndpointResponse(HttpStatusCode statusCode, string? jsonBody, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        JsonBody = jsonBody;
        Headers = headers;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The body, sent as <c>application/json</c>; <see langword="null"/> for an empty body.</summary>
    public string? JsonBody { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Success (RFC 7009 §2.2): HTTP 200 with an empty body, as Authing answers.</summary>
    public static EndpointResponse Revoked() => new(HttpStatusCode.OK, jsonBody: null, new Dictionary<string, string>());

    public static EndpointResponse Status(HttpStatusCode statusCode) => new(statusCode, jsonBody: null, new Dictionary<string, string>());

    /// <summary>An RFC 6749 §5.2 error answer. The description must never contain a token or a secret.</summary>
    public static EndpointResponse OAuthError(
        HttpStatusCode statusCode,
        string error,
        string? description,
        IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, ErrorJson(error, description), headers ?? new Dictionary<string, string>());

    public static EndpointResponse InvalidRequest(string description) =>
        OAuthError(HttpStatusCode.BadRequest, OAuthErrorCodes.InvalidRequest, description);

    /// <summary>
    /// 401 <c>invalid_client</c>. RFC 6749 §5.2: when the client tried the Authorization header,
    /// the answer names the scheme it must use in <c>WWW-Authenticate</c>.
    /// </summary>
    public static EndpointResponse InvalidClient(string description, bool triedAuthorizationHeader) =>
        OAuthError(
            HttpStatusCode.Unauthorized,
            OAuthErrorCodes.InvalidClient,
            description,
            triedAuthorizationHeader
                ? new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"authing-stand-in\"" }
                : null);

    public static EndpointResponse FromFault(StandInFault fault)
    {
        var headers = new Dictionary<string, string>();
        if (fault.RetryAfterHeader is { } retryAfter)
        {
            headers["Retry-After"] = retryAfter;
        }

        var body = fault.Error is null ? null : ErrorJson(fault.Error, fault.ErrorDescription);
        return new EndpointResponse(fault.StatusCode, body, headers);
    }

    private static string ErrorJson(string error, string? description)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            if (description is not null)
            {
                writer.WriteString("error_description", description);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
