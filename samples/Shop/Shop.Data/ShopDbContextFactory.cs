using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shop.Data;

// Lets `dotnet ef migrations add` build the model without starting an app.
// Generating migrations never connects, so the fallback connection string is only a placeholder.
public sealed class ShopDbContextFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__shopdb")
            ?? "Host=localhost;Database=shopdb;Username=postgres";

        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseNpgsql(connectionString)
            .Options;
        return new ShopDbContext(options);
    }
}
