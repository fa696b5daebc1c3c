using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Orchestration.Generators.Model;

/// <summary>Where a diagnostic points, kept as plain values so the model never holds a <see cref="Location"/>
/// (which would keep a whole compilation alive and defeat caching).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(Location? location)
        => location is { SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
