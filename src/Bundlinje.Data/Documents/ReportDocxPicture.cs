using Bundlinje.Reports;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace Bundlinje.Data.Documents;

/// <summary>A chart's PNG as an inline picture (an image part and DrawingML inline): the chart's size at 96 dpi, scaled down
/// to the text width, its caption as the alternative text.</summary>
internal static class ReportDocxPicture
{
    private const long EmuPerPixel = 9525, EmuPerTwip = 635;

    public static Drawing Inline(MainDocumentPart main, byte[] png, int number, ReportChart chart, int textWidthTwips)
    {
        var relation = $"rIdChart{number}";
        var image = main.AddImagePart(ImagePartType.Png, relation);
        using (var data = new MemoryStream(png)) image.FeedData(data);
        var (width, height) = ((long)chart.Width * EmuPerPixel, (long)chart.Height * EmuPerPixel);
        var available = textWidthTwips * EmuPerTwip;
        if (width > available) (width, height) = (available, height * available / width);
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)number, Name = $"Diagram {number}", Description = chart.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0, Name = $"diagram{number}.png", Description = chart.Caption },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relation }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
    }
}
