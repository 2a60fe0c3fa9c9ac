using Google.Protobuf;
using Grpc.Core;
using StackExchange.Redis;
using Starter.Basket;

namespace Starter.BasketService;

// Keeps each buyer's basket in Redis, as one protobuf value per buyer.
public sealed class BasketService(IConnectionMultiplexer redis) : Basket.Basket.BasketBase
{
    public override async Task<CustomerBasket> GetBasket(GetBasketRequest request, ServerCallContext context) =>
        await ReadAsync(request.BuyerId);

    public override async Task<CustomerBasket> AddItem(AddItemRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.BuyerId) || request.Quantity <= 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A buyer and a positive quantity are required."));
        }

        var basket = await ReadAsync(request.BuyerId);
        var line = basket.Items.FirstOrDefault(item => item.ProductId == request.ProductId);
        if (line is null)
        {
            basket.Items.Add(new BasketItem { ProductId = request.ProductId, Quantity = request.Quantity });
        }
        else
        {
            line.Quantity += request.Quantity;
        }

        await redis.GetDatabase().StringSetAsync(Key(request.BuyerId), basket.ToByteArray());
        return basket;
    }

    private async Task<CustomerBasket> ReadAsync(string buyerId)
    {
        var stored = await redis.GetDatabase().StringGetAsync(Key(buyerId));
        return stored.HasValue ? CustomerBasket.Parser.ParseFrom((byte[])stored!) : new CustomerBasket { BuyerId = buyerId };
    }

    private static string Key(string buyerId) => $"basket:{buyerId}";
}
