using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Starter.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<CatalogType> CatalogTypes => Set<CatalogType>();

    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogType>(type =>
        {
            type.Property(t => t.Name).HasMaxLength(100);
            type.HasIndex(t => t.Name).IsUnique();
        });

        modelBuilder.Entity<CatalogItem>(item =>
        {
            item.Property(i => i.Name).HasMaxLength(200);
            item.Property(i => i.Price).HasPrecision(10, 2);
            item.HasOne(i => i.CatalogType).WithMany().HasForeignKey(i => i.CatalogTypeId);
        });
    }
}

public sealed class CatalogType
{
    public int Id { get; set; }

    public required string Name { get; set; }
}

public sealed class CatalogItem
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public decimal Price { get; set; }

    public int CatalogTypeId { get; set; }

    public CatalogType? CatalogType { get; set; }
}

// For `dotnet ef migrations add`: the tools need a context without the app's service provider.
public sealed class CatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql("Host=localhost;Database=catalogdb").Options);
}
