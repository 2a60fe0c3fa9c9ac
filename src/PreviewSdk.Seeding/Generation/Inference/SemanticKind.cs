namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>What a column holds, as far as its name tells: picks the fake values and their natural range.</summary>
internal enum SemanticKind
{
    /// <summary>Nothing recognised: the type's fallback (words for text, 1–1000 for integers, recent dates).</summary>
    None,

    /// <summary>An e-mail address on a reserved example domain.</summary>
    Email,

    /// <summary>A given name.</summary>
    FirstName,

    /// <summary>A family name.</summary>
    LastName,

    /// <summary>Given and family name.</summary>
    FullName,

    /// <summary>A login name.</summary>
    UserName,

    /// <summary>A phone number in the fictional 555-01xx range.</summary>
    Phone,

    /// <summary>A street address.</summary>
    Street,

    /// <summary>A city.</summary>
    City,

    /// <summary>A state or region.</summary>
    State,

    /// <summary>A postal code.</summary>
    PostalCode,

    /// <summary>A country name.</summary>
    Country,

    /// <summary>A two-letter country code.</summary>
    CountryCode,

    /// <summary>A company name.</summary>
    Company,

    /// <summary>A product name.</summary>
    ProductName,

    /// <summary>A department or category word.</summary>
    Department,

    /// <summary>A short capitalised label (a project's or a team's name).</summary>
    Label,

    /// <summary>A URL on a reserved example domain.</summary>
    Url,

    /// <summary>An IP address from the documentation ranges.</summary>
    IpAddress,

    /// <summary>A bcrypt-shaped password hash (never of a real password).</summary>
    PasswordHash,

    /// <summary>A title: a few capitalised words.</summary>
    Title,

    /// <summary>A description: one to a few sentences.</summary>
    Description,

    /// <summary>A URL slug.</summary>
    Slug,

    /// <summary>A code or reference such as <c>KXB-40211</c>.</summary>
    Code,

    /// <summary>A status word.</summary>
    Status,

    /// <summary>A role word.</summary>
    Role,

    /// <summary>A type, kind, tier or plan word.</summary>
    Category,

    /// <summary>A currency code.</summary>
    Currency,

    /// <summary>A colour name.</summary>
    Color,

    /// <summary>A language code.</summary>
    Language,

    /// <summary>A time zone name.</summary>
    TimeZone,

    /// <summary>A price or an amount of money.</summary>
    Money,

    /// <summary>A large amount of money (salary, budget, revenue).</summary>
    LargeMoney,

    /// <summary>A small amount of money (fee, tax, shipping).</summary>
    SmallMoney,

    /// <summary>A count of items.</summary>
    Quantity,

    /// <summary>An age in years.</summary>
    Age,

    /// <summary>A calendar year.</summary>
    Year,

    /// <summary>A rating from 1 to 5.</summary>
    Rating,

    /// <summary>A percentage.</summary>
    Percentage,

    /// <summary>A latitude.</summary>
    Latitude,

    /// <summary>A longitude.</summary>
    Longitude,

    /// <summary>A position in a list (sort order, priority).</summary>
    Position,

    /// <summary>An identifier of something outside the database.</summary>
    ExternalId,

    /// <summary>When the row was created: the last three years.</summary>
    CreatedAt,

    /// <summary>Something that happened after creation (updated, deleted, shipped): at or after a created column.</summary>
    UpdatedAt,

    /// <summary>A birth date: 18 to 90 years before the reference date.</summary>
    BirthDate,

    /// <summary>A start (of a period): around the reference date.</summary>
    StartsAt,

    /// <summary>An end (of a period): at or after a start column.</summary>
    EndsAt,

    /// <summary>A future moment: expiry, due date.</summary>
    FutureAt,

    /// <summary>A boolean that is mostly true (active, enabled).</summary>
    MostlyTrue,

    /// <summary>A boolean that is mostly false (deleted, blocked).</summary>
    MostlyFalse,

    /// <summary>A list of tags or keywords.</summary>
    Tags,

    /// <summary>An ISO 3166 alpha-3 country code (a country code column of length 3).</summary>
    CountryCode3,

    /// <summary>A language's English name (<c>language.name</c>).</summary>
    LanguageName,

    /// <summary>A locale tag such as <c>en-US</c>.</summary>
    Locale,

    /// <summary>A US state code.</summary>
    StateCode,

    /// <summary>A world or sales region (<c>region.name</c>).</summary>
    Region,

    /// <summary>A continent.</summary>
    Continent,

    /// <summary>A music or film genre (<c>genre.name</c>).</summary>
    Genre,

    /// <summary>A job title (<c>title</c> in a table of people).</summary>
    JobTitle,

    /// <summary>A title of courtesy (Mr., Ms., Dr.): a short <c>title</c> column of people.</summary>
    Courtesy,

    /// <summary>A file name with an extension.</summary>
    FileName,

    /// <summary>A MIME type.</summary>
    ContentType,
}
