using Bundlinje.Investments;

namespace Bundlinje.Web.Infrastructure;

/// <summary>A fund page (<see cref="RouteFundAttribute"/>): the route's key and the fund <see cref="RouteResourceFilter"/>
/// loaded and authorized for it before the handler runs.</summary>
public abstract class FundPageModel : PageModel, IFundPage
{
    [FromRoute] public string Key { get; set; } = "";
    public Fund.Fund Fund { get; set; } = null!;
}

/// <summary>A fund page with a form: <see cref="FundPageModel"/> on <see cref="FormPage"/>.</summary>
public abstract class FundFormPage(BundlinjeDb db) : FormPage(db), IFundPage
{
    [FromRoute] public string Key { get; set; } = "";
    public Fund.Fund Fund { get; set; } = null!;
}

/// <summary>An investment page (<see cref="RouteInvestmentAttribute"/>): the route's key and the investment (with its
/// fund) <see cref="RouteResourceFilter"/> loaded and authorized for it before the handler runs.</summary>
public abstract class InvestmentPageModel : PageModel, IInvestmentPage
{
    [FromRoute] public string Key { get; set; } = "";
    public Investment Investment { get; set; } = null!;

    /// <summary>The name of the party organisation with this key (the parties loaded with their organisations), else the key.</summary>
    public string OrganisationName(string key) =>
        Investment.Parties.FirstOrDefault(p => p.Organisation!.Key == key)?.Organisation!.Name ?? key;
}

/// <summary>An investment page with a form: <see cref="InvestmentPageModel"/> on <see cref="FormPage"/>.</summary>
public abstract class InvestmentFormPage(BundlinjeDb db) : FormPage(db), IInvestmentPage
{
    [FromRoute] public string Key { get; set; } = "";
    public Investment Investment { get; set; } = null!;
}
