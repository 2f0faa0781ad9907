namespace AuthingClient.Configuration;

/// <summary>
/// Maps an enum to the names OAuth uses on the wire and in Authing's SDK settings
/// (<c>client_secret_basic</c>, <c>refresh_token</c>), so configuration and command lines can
/// use either those names or the .NET member names.
/// </summary>
internal sealed class WireNameTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly (TEnum Value, string WireName)[] _entries;

    public WireNameTable(params (TEnum Value, string WireName)[] entries) => _entries = entries;

    /// <summary>The accepted wire names, for error messages: "a, b or c".</summary>
    public string Expected =>
        string.Join(", ", _entries[..^1].Select(e => e.WireName)) + " or " + _entries[^1].WireName;

    public string ToWireName(TEnum value)
    {
        foreach (var (entry, wireName) in _entries)
        {
            if (EqualityComparer<TEnum>.Default.Equals(entry, value))
            {
                return wireName;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
    }

    public bool TryParse(string? text, out TEnum value)
    {
        var trimmed = text.AsSpan().Trim();
        foreach (var (entry, wireName) in _entries)
        {
            if (trimmed.Equals(wireName, StringComparison.OrdinalIgnoreCase)
                || trimmed.Equals(entry.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = entry;
                return true;
            }
        }

        value = default;
        return false;
    }
}
