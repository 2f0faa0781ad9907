namespace AuthingClient.Transport;

/// <summary>
/// Client-side checks of the token argument, made before any I/O so bad input never reaches the
/// wire. Messages describe the problem, never the token.
/// </summary>
internal static class TokenArgument
{
    /// <summary>The longest token accepted. Authing's tokens are a few KiB at most; anything far larger is a mistake.</summary>
    public const int MaxLength = 16 * 1024;

    public static void Validate(string token, string paramName)
    {
        ArgumentNullException.ThrowIfNull(token, paramName);

        if (token.Length == 0 || string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The token to revoke is empty or whitespace.", paramName);
        }

        if (token.Length > MaxLength)
        {
            throw new ArgumentException($"The token to revoke is {token.Length} characters long; at most {MaxLength} are accepted.", paramName);
        }

        // Real tokens (JWTs, opaque ids) are printable ASCII: one vectorised pass settles them, and
        // the checks below run only for the rest.
        if (!token.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return;
        }

        // C0, DEL and C1 (U+0080–U+009F): no real token has them, and they corrupt logs and headers.
        if (token.AsSpan().ContainsAnyInRange('\0', '\x1F') || token.AsSpan().ContainsAnyInRange('\x7F', '\x9F'))
        {
            throw new ArgumentException("The token to revoke contains control characters.", paramName);
        }

        // A lone surrogate has no UTF-8 form: the server would receive a different token.
        // The vectorised range check keeps the per-character walk off the hot path for ordinary tokens.
        if (token.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && HasLoneSurrogate(token))
        {
            throw new ArgumentException("The token to revoke is not well-formed text (it contains a lone surrogate).", paramName);
        }
    }

    public static void ValidateHint(TokenTypeHint? hint, string paramName)
    {
        if (hint is not (null or TokenTypeHint.AccessToken or TokenTypeHint.RefreshToken))
        {
            throw new ArgumentOutOfRangeException(paramName, hint, "Not a defined token type hint.");
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
