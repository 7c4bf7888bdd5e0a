#:package Microsoft.CodeAnalysis.CSharp@5.0.0
#:property ManagePackageVersionsCentrally=false
// Wraps C# lines longer than 140 characters (the limit LineLengthTests checks), using the compiler's own syntax tree so
// that a break never lands inside a string, a comment or a token. Run by scripts/format.sh after `dotnet format`;
// idempotent: a file without long lines is left untouched. Generated EF Core migrations and bin/obj are skipped.
//   dotnet run scripts/WrapLongLines.cs -- [folder ...]
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

const int Max = 140;
var roots = args.Length > 0 ? args : ["src", "tests", "bench"];
var sep = Path.DirectorySeparatorChar;
var changed = 0;
var left = new List<string>();
foreach (var file in roots.Where(Directory.Exists)
    .SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories))
    .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}Migrations{sep}"))
    .Order(StringComparer.Ordinal))
{
    var original = File.ReadAllText(file);
    var text = original;
    for (var pass = 0; pass < 12; pass++)
    {
        var next = Wrapper.Pass(text, Max);
        if (next == text) break;
        text = next;
    }
    if (text != original) { File.WriteAllText(file, text); changed++; }
    left.AddRange(Wrapper.TooLong(text, Max).Select(n => $"{file}:{n}"));
}
Console.WriteLine($"Wrapped long lines in {changed} file(s).");
if (left.Count > 0) Console.Error.WriteLine("Still longer than " + Max + " (wrap by hand):\n" + string.Join("\n", left));
return left.Count > 0 ? 1 : 0;

static class Wrapper
{
    /// <summary>Breaks every line longer than max once, at the rightmost good place that makes its first part fit.</summary>
    public static string Pass(string text, int max)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        var source = tree.GetText();
        var root = tree.GetRoot();
        var changes = new List<TextChange>();
        foreach (var line in source.Lines)
        {
            if (line.Span.Length <= max) continue;
            var content = source.ToString(line.Span);
            var indent = content.Length - content.TrimStart(' ').Length;
            var continuation = new string(' ', indent + 4);
            if (content.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                if (WrapComment(content, indent, max) is { } wrapped) changes.Add(new TextChange(line.Span, wrapped));
                continue;
            }
            if (InsideMultiLineRaw(root, line)) continue; // fixture data (JSON, CSV, HTML): its line breaks are part of it
            var change = MoveComment(root, line, content, indent) ?? ExpandBlock(root, line, indent)
                ?? BreakCode(root, line, indent, max, continuation) ?? SplitString(root, line, max, continuation);
            if (change is { } c) changes.Add(c);
        }
        return changes.Count == 0 ? text : source.WithChanges(changes).ToString();
    }

    /// <summary>1-based numbers of the lines still over max (the inside of a multi-line raw string does not count).</summary>
    public static IEnumerable<int> TooLong(string text, int max)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        var root = tree.GetRoot();
        return tree.GetText().Lines.Where(l => l.Span.Length > max && !InsideMultiLineRaw(root, l)).Select(l => l.LineNumber + 1).ToList();
    }

    private static bool InsideMultiLineRaw(SyntaxNode root, TextLine line)
    {
        var token = root.FindToken(line.Start);
        if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) return token.SpanStart < line.Start;
        return token.Parent?.AncestorsAndSelf().OfType<InterpolatedStringExpressionSyntax>().Any(s =>
            s.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) && s.SpanStart < line.Start) == true;
    }

    /// <summary>`if (x) { a; b; }` on one long line becomes a block over several lines, one statement a line.</summary>
    private static TextChange? ExpandBlock(SyntaxNode root, TextLine line, int indent)
    {
        var first = root.FindToken(line.Start + indent);
        var block = first.Parent?.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(st => st.GetFirstToken() == first)
            ?.DescendantNodes(n => n.SpanStart < line.End).OfType<BlockSyntax>()
            .FirstOrDefault(b => b.Parent is StatementSyntax or CatchClauseSyntax or FinallyClauseSyntax or ElseClauseSyntax
                && b.Span.End <= line.End && b.Statements.Count > 0 && b.Parent.GetFirstToken() == first
                && !b.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)));
        if (block is null) return null;
        var pad = new string(' ', indent);
        var body = string.Concat(block.Statements.Select(st => pad + "    " + st.ToString() + "\n"));
        var start = block.OpenBraceToken.GetPreviousToken().Span.End;
        return new TextChange(TextSpan.FromBounds(start, block.Span.End), "\n" + pad + "{\n" + body + pad + "}");
    }

    /// <summary>A comment at the end of a long line moves to its own line above it.</summary>
    private static TextChange? MoveComment(SyntaxNode root, TextLine line, string content, int indent)
    {
        var last = root.FindToken(Math.Max(line.End - 1, line.Start), findInsideTrivia: false);
        var comment = last.TrailingTrivia.Concat(last.GetNextToken().LeadingTrivia)
            .FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.SpanStart > line.Start + indent && t.Span.End <= line.End);
        if (comment.RawKind == 0) return null;
        var code = content[..(comment.SpanStart - line.Start)].TrimEnd();
        return new TextChange(line.Span, new string(' ', indent) + comment.ToString() + "\n" + code);
    }

    private static string? WrapComment(string content, int indent, int max)
    {
        var trimmed = content.TrimStart();
        var marker = trimmed.StartsWith("///", StringComparison.Ordinal) ? "/// " : "// ";
        var at = content.LastIndexOf(' ', max);
        if (at <= indent + marker.Length) return null;
        return content[..at].TrimEnd() + "\n" + new string(' ', indent) + marker + content[(at + 1)..].TrimStart();
    }

    /// <summary>The place before column max where the line can break between tokens: the least nested one, the rightmost of
    /// those (so `a(b, c(d, e))` breaks after `b,` before it breaks after `d,`).</summary>
    private static TextChange? BreakCode(SyntaxNode root, TextLine line, int indent, int max, string continuation)
    {
        var limit = line.Start + max;
        var first = root.FindToken(line.Start + indent);
        TextChange? best = null;
        var bestDepth = int.MaxValue;
        var depth = Opens(first);
        for (var token = first.GetNextToken(); token.RawKind != 0 && token.SpanStart < line.End; token = token.GetNextToken())
        {
            if (token.SpanStart > limit) break;
            var previous = token.GetPreviousToken();
            if (Closes(token)) depth--;
            var here = depth;
            depth += Opens(token);
            if (previous.Span.End > limit || previous.SpanStart < line.Start + indent) continue;
            if (!GoodBreak(previous, token) || token.SpanStart - line.Start < indent + 20 || here > bestDepth) continue;
            // Replace the whitespace between the two tokens by a newline and the continuation indent.
            best = new TextChange(TextSpan.FromBounds(previous.Span.End, token.SpanStart),
                "\n" + (InOpenList(previous) ? continuation[4..] : continuation));
            bestDepth = here;
        }
        return best;
    }

    private static int Opens(SyntaxToken t) =>
        t.IsKind(SyntaxKind.OpenParenToken) || t.IsKind(SyntaxKind.OpenBracketToken) || t.IsKind(SyntaxKind.OpenBraceToken) ? 1 : 0;

    private static bool Closes(SyntaxToken t) =>
        t.IsKind(SyntaxKind.CloseParenToken) || t.IsKind(SyntaxKind.CloseBracketToken) || t.IsKind(SyntaxKind.CloseBraceToken);

    private static bool GoodBreak(SyntaxToken before, SyntaxToken after)
    {
        // Inside a hole of an interpolated string a break is fine (C# 11), only not right after its { or before its }.
        if (before.Parent is InterpolationSyntax || after.Parent is InterpolationSyntax or InterpolationAlignmentClauseSyntax
            or InterpolationFormatClauseSyntax) return false;
        if (before.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            return false;
        if (after.LeadingTrivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))) return false;
        if (after.IsKind(SyntaxKind.OpenBraceToken) || after.IsKind(SyntaxKind.CloseParenToken) || after.IsKind(SyntaxKind.CloseBracketToken)
            || after.IsKind(SyntaxKind.SemicolonToken) || after.IsKind(SyntaxKind.CommaToken) || after.IsKind(SyntaxKind.CloseBraceToken))
            return false;
        switch (before.Kind())
        {
            case SyntaxKind.CommaToken:
                return before.Parent is ArgumentListSyntax or BracketedArgumentListSyntax or ParameterListSyntax
                    or InitializerExpressionSyntax or CollectionExpressionSyntax or TupleExpressionSyntax
                    or AnonymousObjectCreationExpressionSyntax or SwitchExpressionSyntax or AttributeArgumentListSyntax
                    or BaseListSyntax or ListPatternSyntax or PositionalPatternClauseSyntax or PropertyPatternClauseSyntax
                    or VariableDeclarationSyntax or TupleTypeSyntax or TypeParameterConstraintClauseSyntax or EnumDeclarationSyntax;
            // After = or => only when what follows ends on this line: a multi-line value keeps its own layout.
            case SyntaxKind.EqualsGreaterThanToken:
                return SameLine(after, before.Parent!.GetLastToken());
            case SyntaxKind.EqualsToken:
                return (before.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax }
                    or AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax }) && SameLine(after, before.Parent.GetLastToken());
            case SyntaxKind.OpenParenToken:
                return before.Parent is ArgumentListSyntax or ParameterListSyntax && after.Parent is not null;
        }
        // The statement of an `if (...) statement;` on one line starts a line of its own.
        if (after.Parent is StatementSyntax statement && statement.GetFirstToken() == after
            && statement.Parent is IfStatementSyntax or ElseClauseSyntax or ForEachStatementSyntax or WhileStatementSyntax or ForStatementSyntax)
            return true;
        switch (after.Kind())
        {
            case SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken or SyntaxKind.QuestionQuestionToken:
                return after.Parent is BinaryExpressionSyntax;
            case SyntaxKind.PlusToken:
                return after.Parent is BinaryExpressionSyntax;
            case SyntaxKind.QuestionToken or SyntaxKind.ColonToken:
                return after.Parent is ConditionalExpressionSyntax;
            case SyntaxKind.DotToken:
                return after.Parent is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax or ElementAccessExpressionSyntax };
            case SyntaxKind.OrKeyword or SyntaxKind.AndKeyword:
                return after.Parent is BinaryPatternSyntax;
            case SyntaxKind.WithKeyword or SyntaxKind.SwitchKeyword:
                return false;
        }
        return false;
    }

    private static bool SameLine(SyntaxToken a, SyntaxToken b) =>
        a.SyntaxTree!.GetLineSpan(a.Span).StartLinePosition.Line == b.SyntaxTree!.GetLineSpan(b.Span).StartLinePosition.Line;

    /// <summary>Members of a list whose opening brace or bracket is on an earlier line line up with each other.</summary>
    private static bool InOpenList(SyntaxToken comma) =>
        comma.IsKind(SyntaxKind.CommaToken) && comma.Parent is InitializerExpressionSyntax or CollectionExpressionSyntax
            or AnonymousObjectCreationExpressionSyntax or SwitchExpressionSyntax
        && !SameLine(comma, comma.Parent.GetFirstToken().IsKind(SyntaxKind.NewKeyword) || comma.Parent is SwitchExpressionSyntax
            ? comma.Parent.ChildTokens().First(t => t.IsKind(SyntaxKind.OpenBraceToken)) : comma.Parent.GetFirstToken());

    private static bool InsideInterpolation(SyntaxToken token) =>
        token.Parent?.AncestorsAndSelf().Any(n => n is InterpolationSyntax or InterpolatedStringTextSyntax) == true;

    /// <summary>A plain, verbatim, single-line raw or interpolated string that runs past column max is cut in two joined by +.</summary>
    private static TextChange? SplitString(SyntaxNode root, TextLine line, int max, string continuation)
    {
        var limit = line.Start + max - 3; // room for the closing quote, a space and the +
        var from = line.Start + 40;
        var node = root.FindToken(limit).Parent;
        var literal = node?.AncestorsAndSelf().FirstOrDefault(n => n is InterpolatedStringExpressionSyntax
            || n is LiteralExpressionSyntax l && (l.Token.IsKind(SyntaxKind.StringLiteralToken) || l.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)));
        if (literal is LiteralExpressionSyntax lit && !InsideInterpolation(lit.Token))
        {
            var t = lit.Token.Text;
            var (open, close) = lit.Token.Kind() switch
            {
                SyntaxKind.StringLiteralToken when t.StartsWith('"') => ("\"", "\""),
                SyntaxKind.StringLiteralToken when t.StartsWith("@\"") => ("@\"", "\""),
                SyntaxKind.SingleLineRawStringLiteralToken => (t[..(t.IndexOf('"') + Quotes(t, t.IndexOf('"')))], new string('"', Quotes(t, t.IndexOf('"')))),
                _ => ("", ""),
            };
            if (open == "") return null;
            var cut = CutPoint(t, lit.Token.SpanStart, open.Length, from, limit, open.StartsWith('@'), open.Length > 2);
            return cut is { } at ? new TextChange(new TextSpan(at, 0), close + " +\n" + continuation + open) : null;
        }
        // An interpolated string passed to a method that takes a FormattableString (Kroner.Text) must stay one string.
        if (literal is InterpolatedStringExpressionSyntax s && s.Parent is not ArgumentSyntax
            { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "Text" or "Add" or "Invariant" }
                or IdentifierNameSyntax { Identifier.Text: "Text" or "Add" or "Invariant" } } })
        {
            var start = s.StringStartToken.Text;
            if (start.Contains('@') || start.EndsWith("\"\"\"\n", StringComparison.Ordinal) || start.Contains('\n')) return null;
            var close = start.TrimStart('$', '@');
            // Only a long run of plain text is cut in two joined by + (code in its holes breaks like other code, see GoodBreak).
            int? best = null;
            foreach (var part in s.Contents.OfType<InterpolatedStringTextSyntax>())
                if (CutPoint(part.TextToken.Text, part.SpanStart, 0, from, limit, false, close.Length > 1) is { } at) best = at;
            return best is { } b ? new TextChange(new TextSpan(b, 0), close + " +\n" + continuation + start) : null;
        }
        return null;
    }

    private static int Quotes(string text, int at)
    {
        var n = 0;
        while (at + n < text.Length && text[at + n] == '"') n++;
        return n;
    }

    /// <summary>A position inside text (that starts at start) in (from, limit], after a space if there is one, never in an escape.</summary>
    private static int? CutPoint(string text, int start, int skip, int from, int limit, bool verbatim, bool raw)
    {
        int? last = null, lastSpace = null;
        for (var i = skip; i < text.Length - 1 && start + i <= limit; i++)
        {
            var c = text[i];
            if (!raw && (c == '\\' && !verbatim || c == '"' && verbatim || c == '{' || c == '}')) { i++; continue; } // escapes stay whole
            if (char.IsLowSurrogate(c) || start + i <= from) continue;
            if (raw && (c == '"' || i > 0 && text[i - 1] == '"')) continue; // a raw part may not begin or end with a quote
            last = start + i;
            if (c == ' ' && !(raw && i + 1 < text.Length && text[i + 1] == '"')) lastSpace = start + i + 1;
        }
        return lastSpace is { } s && s <= limit ? s : last;
    }
}
