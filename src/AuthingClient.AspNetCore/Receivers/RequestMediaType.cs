using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AuthingClient.AspNetCore.Receivers;

/// <summary>What a receiver's body is: the media types the receivers read, all as UTF-8 text.</summary>
internal enum RequestMediaType
{
    /// <summary>Absent, unparseable, another type, or a charset other than UTF-8.</summary>
    Other,

    /// <summary><c>application/json</c>.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    Form,
}

/// <summary>Reads a request's <c>Content-Type</c>.</summary>
internal static class RequestMediaTypes
{
    public static RequestMediaType Of(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return RequestMediaType.Other;
        }

        if (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return RequestMediaType.Json;
        }

        return contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? RequestMediaType.Form
            : RequestMediaType.Other;
    }

    /// <summary>Strict UTF-8: a body that is not valid UTF-8 is malformed, not silently repaired.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
