namespace AuthingClient.Revocation;

/// <summary>What a <see cref="RevocationKey"/> names, and what matched when a presented token is found revoked.</summary>
internal enum RevocationKind
{
    /// <summary>One token.</summary>
    Token = 0,

    /// <summary>Every token of a user (issuer and <c>sub</c>, maybe one audience) issued at or before a time.</summary>
    User = 1,

    /// <summary>Every token of a session (issuer and <c>sid</c>) issued at or before a time.</summary>
    Session = 2,
}
