using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages;

// Rendered for unhandled exceptions (503 when the API is down) and for bare error status codes.
// The exception handler re-executes with the original method, so POSTs land here too.
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The page could not be shown.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is ShopApiUnavailableException)
        {
            logger.LogWarning("Shop API unavailable: {Message}", exception.Message);
            Title = "The shop is temporarily unavailable";
            Message = "The shop's API could not be reached. Please try again in a moment.";
        }
        else if (code == StatusCodes.Status404NotFound)
        {
            Title = "Page not found";
            Message = "There is nothing at this address.";
        }
        else if (code is { } status)
        {
            Message = $"The request failed with status {status}.";
        }
    }
}
