using StackExchange.Redis;

namespace Shop.Api;

// Caches the serialized product list. Redis being down must not take the API down with it,
// so every failure degrades to a cache miss.
public sealed class ProductCache(IConnectionMultiplexer redis, ILogger<ProductCache> logger)
{
    private const string Key = "shop:products:v1";
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async Task<string?> GetAsync()
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key);
            return value.HasValue ? value.ToString() : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Reading the product cache failed; serving from the database");
            return null;
        }
    }

    public async Task SetAsync(string json)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key, json, Ttl);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Writing the product cache failed");
        }
    }

    // A list read racing a write may re-cache the old list; the TTL bounds how long that lasts.
    public async Task InvalidateAsync()
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Invalidating the product cache failed; it expires within {Ttl}", Ttl);
        }
    }
}
