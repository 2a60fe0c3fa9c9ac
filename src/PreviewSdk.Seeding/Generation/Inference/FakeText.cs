using System.Globalization;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Makes the fake text of each <see cref="SemanticKind"/> from a cell's random numbers: names, addresses, e-mail
/// addresses on example domains, fictional phone numbers, words. Hot path: one string allocated per value, from a
/// stack buffer where it takes several parts.
/// </summary>
internal static class FakeText
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string UpperLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] DocumentationNetworks = ["192.0.2.", "198.51.100.", "203.0.113."];

    /// <summary>A value of <paramref name="kind"/>; free text is sized to <paramref name="maxLength"/> when given.</summary>
    public static string Make(SemanticKind kind, ref CellRandom random, int? maxLength)
    {
        switch (kind)
        {
            case SemanticKind.Email:
                return Email(ref random, unique: false);
            case SemanticKind.FirstName:
                return random.Pick(FakeData.FirstNames);
            case SemanticKind.LastName:
                return random.Pick(FakeData.LastNames);
            case SemanticKind.FullName:
                return string.Concat(random.Pick(FakeData.FirstNames), " ", random.Pick(FakeData.LastNames));
            case SemanticKind.UserName:
                return UserName(ref random, unique: false);
            case SemanticKind.Phone:
                return Phone(ref random);
            case SemanticKind.Street:
                return string.Concat(Number(random.Between(1, 9999)), " ", random.Pick(FakeData.LastNames), " ", random.Pick(FakeData.StreetSuffixes));
            case SemanticKind.City:
                return City(ref random);
            case SemanticKind.State:
                return random.Pick(FakeData.States);
            case SemanticKind.PostalCode:
                return random.Between(10000, 99999).ToString(CultureInfo.InvariantCulture);
            case SemanticKind.Country:
                return random.Pick(FakeData.Countries);
            case SemanticKind.CountryCode:
                return random.Pick(PlaceAndTopicLists.CountryCodes2);
            case SemanticKind.CountryCode3:
                return random.Pick(PlaceAndTopicLists.CountryCodes3);
            case SemanticKind.LanguageName:
                return random.Pick(PlaceAndTopicLists.LanguageNames);
            case SemanticKind.Locale:
                return random.Pick(PlaceAndTopicLists.Locales);
            case SemanticKind.StateCode:
                return random.Pick(PlaceAndTopicLists.StateCodes);
            case SemanticKind.Region:
                return random.Pick(PlaceAndTopicLists.Regions);
            case SemanticKind.Continent:
                return random.Pick(PlaceAndTopicLists.Continents);
            case SemanticKind.Genre:
                return random.Pick(PlaceAndTopicLists.Genres);
            case SemanticKind.JobTitle:
                return random.Pick(PlaceAndTopicLists.JobTitles);
            case SemanticKind.Courtesy:
                return random.Pick(PlaceAndTopicLists.Courtesies);
            case SemanticKind.ContentType:
                return random.Pick(PlaceAndTopicLists.ContentTypes);
            case SemanticKind.FileName:
                return string.Concat(Joined(ref random, (int)random.Between(1, 3), '-'), ".", random.Pick(PlaceAndTopicLists.Extensions));
            case SemanticKind.Company:
                return Company(ref random);
            case SemanticKind.ProductName:
                return string.Concat(random.Pick(FakeData.ProductAdjectives), " ", random.Pick(FakeData.ProductMaterials), " ", random.Pick(FakeData.Products));
            case SemanticKind.Department:
                return random.Pick(FakeData.Departments);
            case SemanticKind.Label:
                return string.Concat(random.Pick(FakeData.ProductAdjectives), " ", Capitalized(random.Pick(FakeData.Words)));
            case SemanticKind.Url:
                return string.Concat("https://www.", random.Pick(FakeData.ExampleDomains), "/", random.Pick(FakeData.Words), "/", random.Pick(FakeData.Words));
            case SemanticKind.IpAddress:
                return string.Concat(random.Pick(DocumentationNetworks), Number(random.Between(1, 254)));
            case SemanticKind.PasswordHash:
                return PasswordHash(ref random);
            case SemanticKind.Title:
                return Words(ref random, (int)random.Between(2, 5), Math.Min(maxLength ?? 80, 80), capitalizeAll: true);
            case SemanticKind.Description:
                return Sentences(ref random, Math.Min(maxLength ?? 240, 240));
            case SemanticKind.Slug:
                return Joined(ref random, (int)random.Between(2, 4), '-');
            case SemanticKind.Code:
                return Code(ref random);
            case SemanticKind.Status:
                return random.Pick(FakeData.Statuses);
            case SemanticKind.Role:
                return random.Pick(FakeData.Roles);
            case SemanticKind.Category:
                return random.Pick(FakeData.Categories);
            case SemanticKind.Currency:
                return random.Pick(FakeData.Currencies);
            case SemanticKind.Color:
                return random.Pick(FakeData.Colors);
            case SemanticKind.Language:
                return random.Pick(PlaceAndTopicLists.LanguageCodes);
            case SemanticKind.TimeZone:
                return random.Pick(FakeData.TimeZones);
            case SemanticKind.Tags:
                return random.Pick(FakeData.Words);
            default:
                return maxLength is { } max && max < 60
                    ? Words(ref random, (int)random.Between(1, 4), max, capitalizeAll: false)
                    : Sentences(ref random, Math.Min(maxLength ?? 120, 120));
        }
    }

    /// <summary>An e-mail address on an example domain; when unique, without digits in its local part so a row number can follow.</summary>
    public static string Email(ref CellRandom random, bool unique)
    {
        var first = random.Pick(FakeData.FirstNamesAscii);
        var last = random.Pick(FakeData.LastNamesAscii);
        var domain = random.Pick(FakeData.ExampleDomains);
        return random.Next(4) switch
        {
            0 => string.Concat(first, "_", last, "@", domain),
            1 => string.Concat(first, last, "@", domain),
            2 when !unique => string.Concat(first, Number(random.Between(1, 99)), "@", domain),
            _ => string.Concat(first, ".", last, "@", domain),
        };
    }

    /// <summary>A user name; when unique, without digits so a row number can follow.</summary>
    public static string UserName(ref CellRandom random, bool unique)
    {
        var first = random.Pick(FakeData.FirstNamesAscii);
        var last = random.Pick(FakeData.LastNamesAscii);
        return random.Next(3) switch
        {
            0 => string.Concat(first, "_", last),
            1 when !unique => string.Concat(first, Number(random.Between(1, 999))),
            _ => string.Concat(first, ".", last),
        };
    }

    /// <summary>A phone number in the range reserved for fiction (555-0100 to 555-0199) of a North American area code.</summary>
    public static string Phone(ref CellRandom random) =>
        string.Concat("+1-", Number(random.Between(201, 989)), "-555-01", Number(random.Between(0, 99)).PadLeft(2, '0'));

    /// <summary>Words of lorem ipsum, separated by spaces, at most <paramref name="maxLength"/> characters (at least one word, cut if longer).</summary>
    public static string Words(ref CellRandom random, int count, int maxLength, bool capitalizeAll)
    {
        Span<char> buffer = stackalloc char[Math.Clamp(maxLength, 1, 256)];
        var length = 0;
        for (var w = 0; w < count; w++)
        {
            var word = random.Pick(FakeData.Words);
            var needed = word.Length + (length > 0 ? 1 : 0);
            if (length > 0 && length + needed > buffer.Length)
            {
                break;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            for (var i = 0; i < word.Length && length < buffer.Length; i++)
            {
                buffer[length++] = i == 0 && (capitalizeAll || w == 0) ? char.ToUpperInvariant(word[i]) : word[i];
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>A random lower-case letter.</summary>
    public static char Letter(ref CellRandom random) => Letters[random.Next(Letters.Length)];

    /// <summary>A number's invariant digits.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Sentences(ref CellRandom random, int maxLength)
    {
        Span<char> buffer = stackalloc char[Math.Clamp(maxLength, 1, 256)];
        var target = (int)random.Between(Math.Min(20, buffer.Length), buffer.Length);
        var length = 0;
        var startOfSentence = true;
        while (length < target)
        {
            var word = random.Pick(FakeData.Words);
            var endsSentence = random.Chance(0.15);
            var needed = word.Length + (length > 0 ? 1 : 0) + 1;
            if (length + needed > buffer.Length)
            {
                break;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            for (var i = 0; i < word.Length; i++)
            {
                buffer[length++] = i == 0 && startOfSentence ? char.ToUpperInvariant(word[i]) : word[i];
            }

            startOfSentence = endsSentence;
            if (endsSentence)
            {
                buffer[length++] = '.';
            }
        }

        if (length == 0)
        {
            // Room for not even one word: letters.
            for (; length < Math.Min(buffer.Length, 8); length++)
            {
                buffer[length] = Letter(ref random);
            }
        }
        else if (buffer[length - 1] != '.' && length < buffer.Length)
        {
            buffer[length++] = '.';
        }

        return new string(buffer[..length]);
    }

    private static string Joined(ref CellRandom random, int count, char separator) =>
        Words(ref random, count, 120, capitalizeAll: false).ToLowerInvariant().Replace(' ', separator);

    private static string City(ref CellRandom random) => random.Next(4) switch
    {
        0 => string.Concat(random.Pick(FakeData.CityPrefixes), " ", random.Pick(FakeData.FirstNames), random.Pick(FakeData.CitySuffixes)),
        1 => string.Concat(random.Pick(FakeData.CityPrefixes), " ", random.Pick(FakeData.FirstNames)),
        2 => string.Concat(random.Pick(FakeData.FirstNames), random.Pick(FakeData.CitySuffixes)),
        _ => string.Concat(random.Pick(FakeData.LastNames), random.Pick(FakeData.CitySuffixes)),
    };

    private static string Company(ref CellRandom random) => random.Next(3) switch
    {
        0 => string.Concat(random.Pick(FakeData.LastNames), " ", random.Pick(FakeData.CompanySuffixes)),
        1 => string.Concat(random.Pick(FakeData.LastNames), "-", random.Pick(FakeData.LastNames)),
        _ => string.Concat(random.Pick(FakeData.LastNames), ", ", random.Pick(FakeData.LastNames), " and ", random.Pick(FakeData.LastNames)),
    };

    private static string Code(ref CellRandom random)
    {
        Span<char> buffer = stackalloc char[9];
        for (var i = 0; i < 3; i++)
        {
            buffer[i] = UpperLetters[random.Next(UpperLetters.Length)];
        }

        buffer[3] = '-';
        for (var i = 4; i < 9; i++)
        {
            buffer[i] = (char)('0' + random.Next(10));
        }

        return new string(buffer);
    }

    private static string PasswordHash(ref CellRandom random)
    {
        Span<char> buffer = stackalloc char[60];
        "$2b$10$".AsSpan().CopyTo(buffer);
        for (var i = 7; i < buffer.Length; i++)
        {
            buffer[i] = BcryptAlphabet[random.Next(BcryptAlphabet.Length)];
        }

        return new string(buffer);
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));
}
