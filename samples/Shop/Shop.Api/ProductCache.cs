using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Shop.Api;

// Caches the serialized product list. A cache being down must not take the API down with it,
// so every failure degrades to a cache miss.
public sealed class ProductCache(IDistributedCache cache, ILogger<ProductCache> logger)
{
    private const string Key = "shop:products:v1";
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async Task<string?> GetAsync()
    {
        try
        {
            return await cache.GetStringAsync(Key);
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
            await cache.SetStringAsync(Key, json, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Ttl });
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
            await cache.RemoveAsync(Key);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Invalidating the product cache failed; it expires within {Ttl}", Ttl);
        }
    }
}

public static class ProductCacheRegistration
{
    // Redis is optional: an environment that has none (a lightweight preview, a developer's machine) gives no
    // ConnectionStrings__cache, and the API then caches in its own memory. Each instance has its own memory cache,
    // which is why an environment with several replicas of the API turns Redis on.
    public static IHostApplicationBuilder AddProductCache(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString("cache")))
        {
            builder.Services.AddDistributedMemoryCache();
        }
        else
        {
            // Aspire's client brings health checks and telemetry; the distributed cache shares its connection.
            builder.AddRedisClient("cache");
            builder.Services.AddStackExchangeRedisCache(_ => { });
            builder.Services.AddOptions<RedisCacheOptions>()
                .Configure<IConnectionMultiplexer>((options, redis) => options.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        }

        builder.Services.AddSingleton<ProductCache>();
        return builder;
    }
}
