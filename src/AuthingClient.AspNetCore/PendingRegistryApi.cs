using AuthingClient.Revocation;

namespace AuthingClient.AspNetCore;

// TEMPORARY (branch h18r): stands in for RevokedTokenRegistry.RevokeUserAsync/RevokeSessionAsync,
// which the lead is adding on main. Instance methods win over these extensions, so the receivers
// compile unchanged once main is merged; this file is deleted then.
internal static class PendingRegistryApi
{
    public static ValueTask RevokeUserAsync(this RevokedTokenRegistry registry, string issuer, string subject, DateTimeOffset revokedAt, string? audience = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RevokeUserAsync is not on main yet.");

    public static ValueTask RevokeSessionAsync(this RevokedTokenRegistry registry, string issuer, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RevokeSessionAsync is not on main yet.");
}
