using StackExchange.Redis;

namespace AuthingClient.Redis;

/// <summary>What counts as "Redis cannot be reached": the replica then keeps serving and tries again.</summary>
internal static class RedisFailure
{
    public static bool Is(Exception exception) => exception is RedisException or TimeoutException;
}
