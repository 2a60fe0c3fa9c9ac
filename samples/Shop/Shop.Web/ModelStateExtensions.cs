using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Shop.Web;

internal static class ModelStateExtensions
{
    // Binding errors (say, "abc" typed as a price) shown the same way as the API's validation messages.
    public static IReadOnlyList<string> FormErrors(this ModelStateDictionary modelState) =>
        modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(x =>
                string.IsNullOrEmpty(x.ErrorMessage) ? $"{e.Key} is invalid." : x.ErrorMessage))
            .ToList();
}
