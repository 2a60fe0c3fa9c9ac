using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Api;

public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/customers");

        group.MapGet("/", async (ShopDbContext db, CancellationToken ct) =>
            await db.Customers.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new CustomerDto(c.Id, c.Name, c.Email, c.CreatedAt, c.Orders.Count))
                .ToListAsync(ct));

        group.MapPost("/", async (CreateCustomerRequest request, ShopDbContext db, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            errors.Required("name", request.Name, 200);
            errors.Required("email", request.Email, 320);
            // Emails are compared case-insensitively by storing them lower-cased.
            var email = request.Email?.Trim().ToLowerInvariant();
            if (!string.IsNullOrEmpty(email) && !MailAddress.TryCreate(email, out _))
                errors.Add("email", "The email field is not a valid e-mail address.");
            if (errors.HasErrors)
                return errors.ToResult();

            if (await db.Customers.AnyAsync(c => c.Email == email, ct))
                return ValidationErrors.Single("email", $"A customer with email '{email}' already exists.");

            var customer = new Customer { Name = request.Name!.Trim(), Email = email!, CreatedAt = DateTime.UtcNow };
            db.Customers.Add(customer);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ValidationErrors.IsUniqueViolation(ex))
            {
                return ValidationErrors.Single("email", $"A customer with email '{email}' already exists.");
            }

            return Results.Created($"/customers/{customer.Id}",
                new CustomerDto(customer.Id, customer.Name, customer.Email, customer.CreatedAt, 0));
        });
    }
}
