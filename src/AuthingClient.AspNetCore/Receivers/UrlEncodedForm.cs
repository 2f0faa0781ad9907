using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AuthingClient.AspNetCore.Receivers;

/// <summary>Reads an <c>application/x-www-form-urlencoded</c> body already read within its limit.</summary>
internal static class UrlEncodedForm
{
    /// <summary>The form's fields, or <see langword="null"/> when the body is not valid UTF-8 or breaks the form reader's limits.</summary>
    public static Dictionary<string, StringValues>? TryRead(ReadOnlyMemory<byte> body)
    {
        try
        {
            var text = RequestMediaTypes.StrictUtf8.GetString(body.Span);
            using var reader = new FormReader(text);
            return reader.ReadForm();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            // DecoderFallbackException is an ArgumentException; InvalidDataException is a form limit.
            return null;
        }
    }

    /// <summary>The one value of <paramref name="name"/>: <see langword="null"/> when absent, empty or repeated.</summary>
    public static string? Single(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
