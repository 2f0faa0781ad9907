namespace AuthingClient.Jwt;

/// <summary>
/// The claims <see cref="JwtPayloadReader"/> read from one JWT, as unescaped UTF-8 spans over its
/// buffer: valid only while the consumer it is handed to runs. A claim that is absent or of the
/// wrong JSON type is empty (or <see langword="null"/> for the times).
/// </summary>
internal readonly ref struct JwtClaims
{
    private readonly ReadOnlySpan<byte> _values;
    private readonly ReadOnlySpan<Range> _audiences;
    private readonly JwtClaimRanges _ranges;

    public JwtClaims(ReadOnlySpan<byte> values, ReadOnlySpan<Range> audiences, JwtClaimRanges ranges)
    {
        _values = values;
        _audiences = audiences;
        _ranges = ranges;
    }

    /// <summary><c>iss</c>.</summary>
    public ReadOnlySpan<byte> Issuer => _values[_ranges.Issuer];

    /// <summary><c>jti</c>.</summary>
    public ReadOnlySpan<byte> JwtId => _values[_ranges.JwtId];

    /// <summary><c>sub</c> (a number as its text).</summary>
    public ReadOnlySpan<byte> Subject => _values[_ranges.Subject];

    /// <summary><c>sid</c>.</summary>
    public ReadOnlySpan<byte> SessionId => _values[_ranges.SessionId];

    /// <summary>How many string values <c>aud</c> holds.</summary>
    public int AudienceCount => _audiences.Length;

    /// <summary><c>iat</c> in Unix seconds, rounded down (a revocation at that second then never misses the token).</summary>
    public long? IssuedAt => _ranges.IssuedAt;

    /// <summary><c>exp</c> in Unix seconds, rounded up (a mark then never ends before the token).</summary>
    public long? ExpiresAt => _ranges.ExpiresAt;

    /// <summary>The <paramref name="index"/>th value of <c>aud</c>.</summary>
    public ReadOnlySpan<byte> Audience(int index) => _values[_audiences[index]];
}

/// <summary>Where each claim's value is in the reader's buffer.</summary>
internal readonly record struct JwtClaimRanges(Range Issuer, Range JwtId, Range Subject, Range SessionId, int AudienceCount, long? IssuedAt, long? ExpiresAt);

/// <summary>What a caller of <see cref="JwtPayloadReader"/> makes of a token: a struct, so the call is direct and allocates nothing.</summary>
/// <typeparam name="T">What it makes.</typeparam>
internal interface IJwtClaimsConsumer<out T>
{
    /// <summary>A JWT whose claims could be read.</summary>
    /// <param name="claims">The claims, valid during this call only.</param>
    /// <param name="signedPart">header.payload: what the issuer signed.</param>
    T Claims(in JwtClaims claims, ReadOnlySpan<char> signedPart);

    /// <summary>Three segments, but the payload is not base64url of one JSON object.</summary>
    T Unreadable(ReadOnlySpan<char> signedPart);

    /// <summary>Not a JWS compact token at all: an opaque token, a JWE.</summary>
    T NotAJws(ReadOnlySpan<char> token);
}
