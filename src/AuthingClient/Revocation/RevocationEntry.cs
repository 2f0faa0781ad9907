namespace AuthingClient.Revocation;

/// <summary>
/// One revocation as a <see cref="RevokedTokenRegistry"/> stores it: a key (never a token), since when
/// the tokens it names are revoked, and when the entry ends.
/// </summary>
/// <remarks>
/// Two entries with the same key merge into the later <see cref="RevokedAt"/> and the later
/// <see cref="ExpiresAt"/>: replaying an older entry never narrows or shortens a revocation.
/// </remarks>
public readonly struct RevocationEntry : IEquatable<RevocationEntry>
{
    /// <summary>Creates an entry.</summary>
    /// <param name="key">What the entry names.</param>
    /// <param name="revokedAt">
    /// For a user or session key, the time at or before which its tokens were issued (<c>iat</c>,
    /// whole seconds: the fraction is dropped); <see langword="null"/> for a token key, which names
    /// one token whenever it was issued.
    /// </param>
    /// <param name="expiresAt">When the entry ends (whole milliseconds).</param>
    public RevocationEntry(RevocationKey key, DateTimeOffset? revokedAt, DateTimeOffset expiresAt)
        : this(key, revokedAt is { } at ? at.ToUnixTimeSeconds() : AnyIssueTime, expiresAt.ToUnixTimeMilliseconds())
    {
    }

    internal RevocationEntry(RevocationKey key, long revokedAtUnixSeconds, long expiresAtUnixMs)
    {
        Key = key;
        RevokedAtUnixSeconds = revokedAtUnixSeconds;
        ExpiresAtUnixMs = expiresAtUnixMs;
    }

    /// <summary>The value of <see cref="RevokedAtUnixSeconds"/> for a token entry: every issue time.</summary>
    internal const long AnyIssueTime = long.MaxValue;

    /// <summary>What the entry names.</summary>
    public RevocationKey Key { get; }

    /// <summary>Tokens issued at or before this time are revoked; <see langword="null"/> for a token entry (see the constructor).</summary>
    public DateTimeOffset? RevokedAt => RevokedAtUnixSeconds == AnyIssueTime ? null : DateTimeOffset.FromUnixTimeSeconds(RevokedAtUnixSeconds);

    /// <summary>When the entry ends.</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtUnixMs);

    internal long RevokedAtUnixSeconds { get; }

    internal long ExpiresAtUnixMs { get; }

    /// <summary>The merge of two entries for the same key: the later revocation time and the later end.</summary>
    internal RevocationEntry MergedWith(RevocationEntry other) =>
        new(Key, Math.Max(RevokedAtUnixSeconds, other.RevokedAtUnixSeconds), Math.Max(ExpiresAtUnixMs, other.ExpiresAtUnixMs));

    /// <summary>Whether the entry revokes a token issued at <paramref name="issuedAt"/> (no <c>iat</c>: before any time) at <paramref name="nowUnixMs"/>.</summary>
    internal bool Revokes(long? issuedAt, long nowUnixMs) =>
        ExpiresAtUnixMs > nowUnixMs && (RevokedAtUnixSeconds == AnyIssueTime || issuedAt is not { } iat || iat <= RevokedAtUnixSeconds);

    /// <inheritdoc/>
    public bool Equals(RevocationEntry other) =>
        Key == other.Key && RevokedAtUnixSeconds == other.RevokedAtUnixSeconds && ExpiresAtUnixMs == other.ExpiresAtUnixMs;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RevocationEntry other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, RevokedAtUnixSeconds, ExpiresAtUnixMs);

    /// <summary>Whether two entries are equal.</summary>
    /// <param name="left">An entry.</param>
    /// <param name="right">Another entry.</param>
    /// <returns>Whether key, revocation time and end are equal.</returns>
    public static bool operator ==(RevocationEntry left, RevocationEntry right) => left.Equals(right);

    /// <summary>Whether two entries differ.</summary>
    /// <param name="left">An entry.</param>
    /// <param name="right">Another entry.</param>
    /// <returns>Whether key, revocation time or end differ.</returns>
    public static bool operator !=(RevocationEntry left, RevocationEntry right) => !left.Equals(right);
}
