using Bundlinje.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddBundlinje();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseBundlinje();
app.Run();

public partial class Program;
