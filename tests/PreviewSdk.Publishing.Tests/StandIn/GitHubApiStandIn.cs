using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PreviewSdk.Publishing.Tests.StandIn;

/// <summary>
/// A STAND-IN for GitHub's REST API, because the real one is unreachable from the tests: a local Kestrel server
/// that implements only the calls PreviewSdk makes, with GitHub's shapes, status codes and paging (<c>page</c>,
/// <c>per_page</c>, <c>Link</c> headers), under a GitHub Enterprise Server style prefix (<c>/api/v3</c>):
/// <list type="bullet">
/// <item><description><c>GET /repos/{owner}/{repo}</c>: the repository's visibility;</description></item>
/// <item><description><c>GET /repos/{owner}/{repo}/issues/{number}/comments</c>: one page of a pull request's comments;</description></item>
/// <item><description><c>POST /repos/{owner}/{repo}/issues/{number}/comments</c>: a new comment;</description></item>
/// <item><description><c>PATCH /repos/{owner}/{repo}/issues/comments/{id}</c>: an edited comment.</description></item>
/// </list>
/// It knows one repository and one pull request, accepts one token, and can be told to fail every request or to
/// answer late.
/// </summary>
internal sealed class GitHubApiStandIn : IAsyncDisposable
{
    public const string Owner = "octo-org";
    public const string Name = "shop";
    public const int PullRequest = 42;
    public const string AcceptedToken = "ghs_standInToken0123456789";
    private const string Prefix = "/api/v3";

    private readonly ConcurrentQueue<string> requests = new();
    private readonly List<Comment> comments = [];
    private readonly WebApplication app;
    private long nextId = 1000;

    private GitHubApiStandIn(WebApplication app) => this.app = app;

    /// <summary>The API address as GitHub Actions gives it on a GitHub Enterprise Server: no trailing slash.</summary>
    public string ApiUrl { get; private set; } = string.Empty;

    /// <summary><c>owner/name</c>, as in <c>GITHUB_REPOSITORY</c>.</summary>
    public static string Repository => $"{Owner}/{Name}";

    /// <summary>Whether the repository says it is private.</summary>
    public bool RepositoryIsPrivate { get; set; }

    /// <summary>When set, every request is answered with this status and GitHub's error body.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, every request is answered only after this long.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Every request received, as <c>METHOD path?query</c>, oldest first.</summary>
    public IReadOnlyList<string> Requests => requests.ToList();

    /// <summary>The pull request's comments, oldest first.</summary>
    public IReadOnlyList<Comment> Comments
    {
        get
        {
            lock (comments)
            {
                return comments.ToList();
            }
        }
    }

    public static async Task<GitHubApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new GitHubApiStandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        standIn.ApiUrl = app.Urls.Single().TrimEnd('/') + Prefix;
        return standIn;
    }

    /// <summary>Adds a comment by someone else, e.g. to fill pages before the marked one.</summary>
    public Comment AddComment(string body, string user = "octocat")
    {
        lock (comments)
        {
            var comment = new Comment(nextId++, body, user);
            comments.Add(comment);
            return comment;
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Map(WebApplication web)
    {
        web.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (FailWith is { } status)
            {
                await Error(context, status, status == HttpStatusCode.Unauthorized ? "Bad credentials" : "Server Error");
                return;
            }

            // GitHub takes both schemes, case-insensitively.
            var authorization = context.Request.Headers.Authorization.ToString().Split(' ', 2);
            if (authorization.Length != 2 || authorization[0].ToLowerInvariant() is not ("token" or "bearer") || authorization[1] != AcceptedToken)
            {
                await Error(context, HttpStatusCode.Unauthorized, "Bad credentials");
                return;
            }

            await next(context);
        });
        var repository = web.MapGroup($"{Prefix}/repos/{{owner}}/{{repo}}").AddEndpointFilter(async (context, next) =>
        {
            var values = context.HttpContext.Request.RouteValues;
            return (string?)values["owner"] == Owner && (string?)values["repo"] == Name ? await next(context) : NotFound();
        });
        repository.MapGet("", () => Results.Json(new JsonObject
        {
            ["id"] = 1,
            ["name"] = Name,
            ["full_name"] = Repository,
            ["private"] = RepositoryIsPrivate,
            ["visibility"] = RepositoryIsPrivate ? "private" : "public",
            ["owner"] = new JsonObject { ["login"] = Owner, ["id"] = 2 },
        }));
        repository.MapGet("/issues/{number:int}/comments", (HttpContext context, int number, int? page, int? per_page) =>
            number == PullRequest ? Page(context, page ?? 1, Math.Clamp(per_page ?? 30, 1, 100)) : NotFound());
        repository.MapPost("/issues/{number:int}/comments", async (HttpContext context, int number) =>
        {
            if (number != PullRequest)
            {
                return NotFound();
            }

            var comment = AddComment(await Body(context), "github-actions[bot]");
            return Results.Json(comment.ToJson(ApiUrl), statusCode: StatusCodes.Status201Created);
        });
        repository.MapMethods("/issues/comments/{id:long}", ["PATCH"], async (HttpContext context, long id) =>
        {
            var body = await Body(context);
            lock (comments)
            {
                var index = comments.FindIndex(comment => comment.Id == id);
                if (index < 0)
                {
                    return NotFound();
                }

                comments[index] = comments[index] with { Body = body, Edits = comments[index].Edits + 1 };
                return Results.Json(comments[index].ToJson(ApiUrl));
            }
        });
    }

    private IResult Page(HttpContext context, int page, int perPage)
    {
        var all = Comments;
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var links = new List<string>();
        string Address(int number) => $"{ApiUrl}/repos/{Repository}/issues/{PullRequest}/comments?per_page={perPage}&page={number}";
        if (page < last)
        {
            links.Add($"<{Address(page + 1)}>; rel=\"next\"");
            links.Add($"<{Address(last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Address(1)}>; rel=\"first\"");
            links.Add($"<{Address(page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return Results.Json(new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(comment => (JsonNode)comment.ToJson(ApiUrl)).ToArray()));
    }

    private static async Task<string> Body(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        return document.RootElement.GetProperty("body").GetString() ?? string.Empty;
    }

    private static IResult NotFound() => Results.Json(new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" }, statusCode: 404);

    private static Task Error(HttpContext context, HttpStatusCode status, string message)
    {
        context.Response.StatusCode = (int)status;
        return context.Response.WriteAsJsonAsync(new { message, documentation_url = "https://docs.github.com/rest" });
    }

    /// <summary>One comment of the pull request.</summary>
    /// <param name="Edits">How often it was edited.</param>
    public sealed record Comment(long Id, string Body, string User, int Edits = 0)
    {
        public JsonObject ToJson(string apiUrl) => new()
        {
            ["id"] = Id,
            ["node_id"] = $"IC_{Id}",
            ["url"] = $"{apiUrl}/repos/{Repository}/issues/comments/{Id}",
            ["html_url"] = $"https://github.example.com/{Repository}/pull/{PullRequest}#issuecomment-{Id}",
            ["body"] = Body,
            ["user"] = new JsonObject { ["login"] = User, ["id"] = 41898282 },
            ["created_at"] = "2026-12-01T10:00:00Z",
            ["updated_at"] = "2026-12-01T10:00:00Z",
            ["author_association"] = "NONE",
        };
    }
}
