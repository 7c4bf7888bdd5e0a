namespace Bundlinje.Web;

/// <summary>Marker for the shared UI texts: Danish text is the key, Resources/SharedResource.en.resx the English.</summary>
public sealed class SharedResource;
