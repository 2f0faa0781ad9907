namespace AuthingClient.AspNetCore.BackChannelLogout;

/// <summary>What a valid logout token asks to end: the user's sessions, one session, or both.</summary>
/// <param name="Issuer">The token's validated <c>iss</c>: the issuer of the tokens to revoke.</param>
/// <param name="Subject">The <c>sub</c>, when present.</param>
/// <param name="SessionId">The <c>sid</c>, when present.</param>
internal sealed record LogoutNotice(string Issuer, string? Subject, string? SessionId);
