using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Infers what a column holds from its name (snake_case, PascalCase or camelCase) and type, which picks the fake
/// values generated for it.
/// </summary>
/// <remarks>
/// <para>
/// Generated data is free of personal data by construction: every value is fake, drawn from Bogus's English word
/// lists or made up, and the kinds that could reach a real person or machine use ranges reserved for examples:
/// </para>
/// <list type="bullet">
/// <item><description>e-mail addresses only on <c>example.com</c>, <c>example.net</c> and <c>example.org</c> (RFC 2606);</description></item>
/// <item><description>URLs only on those example domains;</description></item>
/// <item><description>phone numbers only in the fictional <c>555-0100</c>–<c>555-0199</c> range (<c>+1-212-555-0147</c>);</description></item>
/// <item><description>IPv4 addresses only in the documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24
/// (RFC 5737), IPv6 only in 2001:db8::/32 (RFC 3849);</description></item>
/// <item><description>password hashes are random bcrypt-shaped strings, hashes of no password.</description></item>
/// </list>
/// <para>
/// A name plus a street plus a city can still form a plausible address, but one that belongs to nobody in
/// particular. Dataset overrides call Bogus as asked; e-mail addresses they produce are moved to the example
/// domains as well.
/// </para>
/// </remarks>
internal static partial class ColumnInference
{
    private static readonly string[] PersonTables = ["user", "users", "customer", "customers", "person", "people", "persons", "employee", "employees", "author", "authors", "member", "members", "contact", "contacts", "staff", "student", "students", "teacher", "teachers", "patient", "patients", "account", "accounts", "owner", "owners", "player", "players", "driver", "drivers", "profile", "profiles"];
    private static readonly string[] CompanyWords = ["company", "companies", "organization", "organizations", "organisation", "organisations", "org", "orgs", "employer", "vendor", "vendors", "supplier", "suppliers", "publisher", "publishers", "brand", "brands", "business", "businesses", "tenant", "tenants", "client", "clients", "merchant", "merchants", "manufacturer"];
    private static readonly string[] ProductWords = ["product", "products", "item", "items", "article", "articles", "sku", "goods", "merchandise"];
    private static readonly string[] CategoryWords = ["category", "categories", "department", "departments", "tag", "tags", "topic", "topics", "section", "sections", "group", "groups"];

    /// <summary>What <paramref name="column"/> of <paramref name="table"/> holds.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="table">The table name (without schema): "name" in <c>customers</c> is a person's, in <c>products</c> a product's.</param>
    /// <param name="type">The column's type (a domain's base type).</param>
    public static SemanticKind Infer(string column, string table, PgType type)
    {
        var words = NameTokens.Split(column);
        if (words.Count == 0)
        {
            return SemanticKind.None;
        }

        var joined = string.Concat(words);
        return type.Kind switch
        {
            PgTypeKind.Boolean => Flag(words),
            PgTypeKind.Date or PgTypeKind.Timestamp or PgTypeKind.TimestampTz => Moment(words, joined),
            PgTypeKind.Int16 or PgTypeKind.Int32 or PgTypeKind.Int64 or PgTypeKind.Numeric or PgTypeKind.Money or PgTypeKind.Real or PgTypeKind.Double => Number(words, joined),
            PgTypeKind.Text or PgTypeKind.Enum => Text(words, joined, NameTokens.Split(table), type.MaxLength),
            PgTypeKind.Inet => SemanticKind.IpAddress,
            PgTypeKind.Array when type.Element is { } element => Infer(column, table, element.ValueType) is var inner && inner != SemanticKind.None ? inner : SemanticKind.Tags,
            _ => SemanticKind.None,
        };
    }

    private static SemanticKind Flag(IReadOnlyList<string> words)
    {
        if (HasAny(words, "deleted", "archived", "disabled", "banned", "blocked", "locked", "suspended", "hidden", "deprecated", "spam", "flagged"))
        {
            return SemanticKind.MostlyFalse;
        }

        return HasAny(words, "active", "enabled", "visible", "published", "verified", "available", "confirmed", "approved", "valid", "subscribed")
            ? SemanticKind.MostlyTrue
            : SemanticKind.None;
    }

    private static SemanticKind Moment(IReadOnlyList<string> words, string joined)
    {
        if (HasAny(words, "birth", "birthday", "birthdate", "dob", "born") || joined.Contains("dateofbirth", StringComparison.Ordinal))
        {
            return SemanticKind.BirthDate;
        }

        if (HasAny(words, "created", "inserted", "registered", "joined", "added", "creation", "signup", "signed", "enrolled", "hired", "opened", "placed", "ordered", "submitted"))
        {
            return SemanticKind.CreatedAt;
        }

        if (HasAny(words, "updated", "modified", "changed", "edited", "deleted", "removed", "archived", "shipped", "delivered", "completed", "paid", "closed", "resolved", "cancelled", "canceled", "approved", "published", "processed", "confirmed", "last", "seen", "read", "sent"))
        {
            return SemanticKind.UpdatedAt;
        }

        if (HasAny(words, "start", "starts", "begin", "begins", "from", "since", "started"))
        {
            return SemanticKind.StartsAt;
        }

        if (HasAny(words, "end", "ends", "until", "to", "finish", "finished", "ended", "stop"))
        {
            return SemanticKind.EndsAt;
        }

        return HasAny(words, "expires", "expiry", "expiration", "expire", "due", "deadline", "scheduled", "next", "renewal", "renews")
            ? SemanticKind.FutureAt
            : SemanticKind.None;
    }

    private static SemanticKind Number(IReadOnlyList<string> words, string joined)
    {
        var last = words[^1];
        if (HasAny(words, "salary", "budget", "revenue", "income", "wage", "wages", "turnover"))
        {
            return SemanticKind.LargeMoney;
        }

        if (HasAny(words, "fee", "fees", "tax", "shipping", "tip", "surcharge", "vat"))
        {
            return SemanticKind.SmallMoney;
        }

        if (HasAny(words, "price", "cost", "amount", "total", "subtotal", "balance", "payment", "charge", "value", "spend", "spent", "paid"))
        {
            return SemanticKind.Money;
        }

        if (HasAny(words, "percent", "percentage", "pct", "ratio", "rate", "discount"))
        {
            return SemanticKind.Percentage;
        }

        if (HasAny(words, "quantity", "qty", "count", "units", "stock", "inventory", "items", "seats", "guests", "copies"))
        {
            return SemanticKind.Quantity;
        }

        return last switch
        {
            "age" => SemanticKind.Age,
            "year" or "yr" => SemanticKind.Year,
            "rating" or "stars" or "score" or "grade" => SemanticKind.Rating,
            "latitude" or "lat" => SemanticKind.Latitude,
            "longitude" or "lng" or "lon" or "long" => SemanticKind.Longitude,
            "order" or "position" or "sort" or "sequence" or "seq" or "priority" or "rank" or "index" or "ordinal" => SemanticKind.Position,
            "id" or "number" or "no" or "num" when words.Count > 1 => SemanticKind.ExternalId,
            _ when joined.EndsWith("id", StringComparison.Ordinal) && joined.Length > 2 && words.Count == 1 => SemanticKind.ExternalId,
            _ => SemanticKind.None,
        };
    }

    private static SemanticKind Text(IReadOnlyList<string> words, string joined, IReadOnlyList<string> table, int? maxLength)
    {
        if (Coded(words, maxLength) is { } coded)
        {
            return coded;
        }

        if (HasAny(words, "email", "mail") || joined.Contains("email", StringComparison.Ordinal))
        {
            return SemanticKind.Email;
        }

        if (joined is "firstname" or "givenname" or "forename" or "fname" || Ends(words, "first", "name") || Ends(words, "given", "name"))
        {
            return SemanticKind.FirstName;
        }

        if (joined is "lastname" or "surname" or "familyname" or "lname" || Ends(words, "last", "name") || Ends(words, "family", "name"))
        {
            return SemanticKind.LastName;
        }

        if (joined is "username" or "login" or "loginid" or "handle" or "nickname" or "screenname" or "nick" || Ends(words, "user", "name") || Ends(words, "login", "name") || Ends(words, "login", "id"))
        {
            return SemanticKind.UserName;
        }

        if (HasAny(words, "password", "passwd", "pwd") || joined.Contains("password", StringComparison.Ordinal))
        {
            return SemanticKind.PasswordHash;
        }

        if (HasAny(words, "phone", "mobile", "telephone", "tel", "fax", "cell", "cellphone", "phonenumber"))
        {
            return SemanticKind.Phone;
        }

        if (HasAny(words, "ip") || joined.Contains("ipaddress", StringComparison.Ordinal))
        {
            return SemanticKind.IpAddress;
        }

        if (HasAny(words, "url", "uri", "website", "homepage", "link", "href", "avatar", "image", "photo", "picture", "thumbnail", "logo", "site"))
        {
            return SemanticKind.Url;
        }

        if (HasAny(words, "zip", "zipcode", "postal", "postcode"))
        {
            return SemanticKind.PostalCode;
        }

        if (HasAny(words, "country", "countryregioncode"))
        {
            return HasAny(words, "code", "iso", "countryregioncode") ? SemanticKind.CountryCode : SemanticKind.Country;
        }

        if (HasAny(words, "street", "address", "addr", "address1", "address2", "line1", "line2"))
        {
            return SemanticKind.Street;
        }

        if (HasAny(words, "city", "town", "municipality"))
        {
            return SemanticKind.City;
        }

        if (HasAny(words, "continent"))
        {
            return SemanticKind.Continent;
        }

        if (HasAny(words, "province", "county", "district") || (words.Count == 1 && joined == "state" && IsPlaceTable(table))
            || (HasAny(words, "state") && HasAny(words, "name")))
        {
            return SemanticKind.State;
        }

        if (HasAny(words, "region") && !HasAny(words, "id", "description", "desc"))
        {
            // ship_region, billing_region: the region of an address.
            return IsPlaceTable(table) || HasAny(words, "ship", "shipping", "billing", "mailing", "home", "delivery") ? SemanticKind.State : SemanticKind.Region;
        }

        if (HasAny(words, "courtesy") || (joined == "title" && maxLength is <= 10 && HasAny(table, PersonTables.Append("person").ToArray())))
        {
            return SemanticKind.Courtesy;
        }

        if (HasAny(words, "jobtitle") || Ends(words, "job", "title") || Ends(words, "contact", "title")
            || (words.Count == 1 && joined == "title" && HasAny(table, PersonTables)))
        {
            return SemanticKind.JobTitle;
        }

        if (joined is "filename" or "mimetype" or "contenttype" || Ends(words, "file", "name") || Ends(words, "content", "type") || Ends(words, "mime", "type"))
        {
            return joined.EndsWith("name", StringComparison.Ordinal) ? SemanticKind.FileName : SemanticKind.ContentType;
        }

        // territory_description, region_description: a place described by its name.
        if (words.Count == 2 && words[1] is "description" or "desc" && Classify([words[0]]) is SemanticKind.City or SemanticKind.Region or SemanticKind.State or SemanticKind.Country)
        {
            return Classify([words[0]])!.Value;
        }

        return Word(words, joined, table);
    }

    private static SemanticKind Word(IReadOnlyList<string> words, string joined, IReadOnlyList<string> table)
    {
        var last = words[^1];
        switch (last)
        {
            case "status" or "state":
                return SemanticKind.Status;
            case "role" or "roles":
                return SemanticKind.Role;
            case "type" or "kind" or "tier" or "plan" or "level" or "category" or "class" or "segment":
                return SemanticKind.Category;
            case "currency":
                return SemanticKind.Currency;
            case "color" or "colour":
                return SemanticKind.Color;
            case "locale" or "culture":
                return SemanticKind.Locale;
            case "language" or "lang":
                return SemanticKind.Language;
            case "genre":
                return SemanticKind.Genre;
            case "timezone" or "tz" or "zone":
                return SemanticKind.TimeZone;
            case "slug":
                return SemanticKind.Slug;
            case "sku" or "code" or "reference" or "ref" or "number" or "serial" or "barcode" or "isbn" or "token" or "key" or "no":
                return SemanticKind.Code;
            case "title" or "subject" or "headline" or "heading" or "caption":
                return SemanticKind.Title;
            case "description" or "body" or "content" or "text" or "notes" or "note" or "comment" or "comments" or "bio" or "summary"
                or "message" or "details" or "about" or "remarks" or "review" or "instructions" or "excerpt" or "abstract":
                return SemanticKind.Description;
            case "tags" or "keywords" or "labels":
                return SemanticKind.Tags;
            case "company" or "employer" or "organization" or "organisation" or "vendor" or "supplier" or "brand" or "publisher":
                return SemanticKind.Company;
            case "department" or "topic":
                return SemanticKind.Department;
        }

        if (last != "name" && joined is not ("fullname" or "displayname" or "author"))
        {
            return SemanticKind.None;
        }

        if (joined is "fullname" or "displayname" or "author" or "contactname" or "customername" or "authorname" or "personname" or "ownername" or "employeename")
        {
            return SemanticKind.FullName;
        }

        // "name" alone, or "<thing>_name": what the thing (or the table) is tells which kind of name.
        var subject = words.Count > 1 ? words.Take(words.Count - 1).ToList() : table;
        return Classify(subject) ?? (words.Count > 1 ? Classify(table) : null) ?? SemanticKind.Label;
    }

    // "state" next to an address is a region; in orders or tickets it is a status.
    private static bool IsPlaceTable(IReadOnlyList<string> table) =>
        HasAny(table, "address", "addresses", "location", "locations", "store", "stores", "office", "offices", "branch", "branches", "warehouse", "warehouses", "site", "sites", "venue", "venues")
        || HasAny(table, PersonTables) || HasAny(table, CompanyWords);

    private static bool Ends(IReadOnlyList<string> words, string first, string second) =>
        words.Count >= 2 && words[^2] == first && words[^1] == second;

    private static bool HasAny(IReadOnlyList<string> words, params string[] candidates)
    {
        foreach (var word in words)
        {
            if (Array.IndexOf(candidates, word) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
