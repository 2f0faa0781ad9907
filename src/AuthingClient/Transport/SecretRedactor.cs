namespace AuthingClient.Transport;

/// <summary>
/// Removes the token and the client secret from text that came from the server before it reaches
/// an exception message or a log: a server may echo what it was sent. Long text is cut only after
/// redaction, so a cut can never leave a fragment of a secret behind.
/// </summary>
internal readonly struct SecretRedactor
{
    private const string Mask = "***";
    private const int MaxLength = 512;
    private readonly string? _token;
    private readonly string? _secret;

    public SecretRedactor(string? token, string? secret)
    {
        _token = token;
        _secret = secret;
    }

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!string.IsNullOrEmpty(_token))
        {
            text = text.Replace(_token, Mask, StringComparison.Ordinal);
        }

        if (!string.IsNullOrEmpty(_secret))
        {
            text = text.Replace(_secret, Mask, StringComparison.Ordinal);
        }

        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }
}
