using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bundlinje.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class FollowUpRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    AgreementVersion = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentModels_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    PaymentModelId = table.Column<int>(type: "integer", nullable: false),
                    ModelHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParticipantsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisterFingerprint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false),
                    ResultHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payable = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RunBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRuns_Investments_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "Investments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpRuns_PaymentModels_PaymentModelId",
                        column: x => x.PaymentModelId,
                        principalTable: "PaymentModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpApprovals_FollowUpRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "FollowUpRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentObligations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Payer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LedgerPostingId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentObligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentObligations_FollowUpRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "FollowUpRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentObligations_LedgerPostings_LedgerPostingId",
                        column: x => x.LedgerPostingId,
                        principalTable: "LedgerPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpApprovals_RunId",
                table: "FollowUpApprovals",
                column: "RunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRuns_InvestmentId",
                table: "FollowUpRuns",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRuns_PaymentModelId",
                table: "FollowUpRuns",
                column: "PaymentModelId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentModels_InvestmentId",
                table: "PaymentModels",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentObligations_LedgerPostingId",
                table: "PaymentObligations",
                column: "LedgerPostingId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentObligations_RunId",
                table: "PaymentObligations",
                column: "RunId");

            migrationBuilder.Sql("""
                CREATE FUNCTION follow_up_runs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'a follow-up run is never changed'; END; $$;
                CREATE TRIGGER follow_up_runs_append_only BEFORE UPDATE OR DELETE ON "FollowUpRuns"
                FOR EACH ROW EXECUTE FUNCTION follow_up_runs_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER follow_up_runs_append_only ON "FollowUpRuns";
                DROP FUNCTION follow_up_runs_append_only();
                """);
            migrationBuilder.DropTable(
                name: "FollowUpApprovals");

            migrationBuilder.DropTable(
                name: "PaymentObligations");

            migrationBuilder.DropTable(
                name: "FollowUpRuns");

            migrationBuilder.DropTable(
                name: "PaymentModels");
        }
    }
}
