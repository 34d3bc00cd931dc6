namespace Park.Domain.Documents;

/// <summary>A printed document: the PDF bytes and how many pages it has.</summary>
public sealed record PrintedDocument(byte[] Bytes, int PageCount);

/// <summary>The seam between the document model and the renderer (SkiaSharp, in Park.Web).</summary>
public interface IDocumentPrinter
{
    PrintedDocument Print(Document document, DateTimeOffset createdAt);
}
