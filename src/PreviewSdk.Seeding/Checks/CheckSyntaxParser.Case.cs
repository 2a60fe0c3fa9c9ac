namespace PreviewSdk.Seeding.Checks;

/// <summary><c>CASE WHEN … THEN … [ELSE …] END</c>, as a CHECK ties one column's state to another's.</summary>
internal sealed partial class CheckSyntaxParser
{
    private CaseSyntax ParseCase()
    {
        position++;
        if (!Current.IsKeyword("when"))
        {
            // CASE x WHEN …: a simple CASE, which PostgreSQL prints this way only when it was written so.
            throw Unexpected();
        }

        var branches = new List<(CheckSyntax When, CheckSyntax Then)>();
        while (Current.IsKeyword("when"))
        {
            position++;
            var when = ParseExpression(0);
            if (!Current.IsKeyword("then"))
            {
                throw Unexpected();
            }

            position++;
            branches.Add((when, ParseExpression(0)));
        }

        CheckSyntax? otherwise = null;
        if (Current.IsKeyword("else"))
        {
            position++;
            otherwise = ParseExpression(0);
        }

        if (!Current.IsKeyword("end"))
        {
            throw Unexpected();
        }

        position++;
        return new CaseSyntax(branches, otherwise);
    }
}
