using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bundlinje.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicationRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationRevisions_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicationRevisions_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicationApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationApprovals_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicationApprovals_PublicationRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "PublicationRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicationApprovals_FundId",
                table: "PublicationApprovals",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationApprovals_RevisionId",
                table: "PublicationApprovals",
                column: "RevisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRevisions_FundId",
                table: "PublicationRevisions",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationRevisions_InvestmentId_Field_Revision",
                table: "PublicationRevisions",
                columns: new[] { "InvestmentId", "Field", "Revision" },
                unique: true);

            AppendOnly.Sqlite(migrationBuilder, "PublicationRevisions", "A publication revision is kept; draft a new revision instead.");
            AppendOnly.Sqlite(migrationBuilder, "PublicationApprovals", "A publication approval is kept; approve a new revision instead.");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnly.DropSqlite(migrationBuilder, "PublicationApprovals");
            AppendOnly.DropSqlite(migrationBuilder, "PublicationRevisions");

            migrationBuilder.DropTable(
                name: "PublicationApprovals");

            migrationBuilder.DropTable(
                name: "PublicationRevisions");
        }
    }
}
