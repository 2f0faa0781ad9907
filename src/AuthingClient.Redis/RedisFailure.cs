using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>What counts as "Redis cannot be reached": the replica then keeps serving and tries again.</summary>
internal static class RedisFailure
{
    // A connection that a Sentinel failover replaced is disposed under the commands still waiting
    // on it: they fail with ObjectDisposedException, and go again on the new primary.
    public static bool Is(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;
}
