// Allure 3 configuration for a pathwalk project. `pathwalk report` uses the project's own
// allurerc.mjs when there is one (copy this file there to change it), else this one.
//
// `pathwalk report` says where things are through environment variables:
//   PATHWALK_ALLURE_RESULTS  the results folder (default reports/allure-results)
//   PATHWALK_ALLURE_HISTORY  the history file kept between runs (default: history.jsonl beside the results)
//   PATHWALK_SINGLE_FILE     "1" for one self-contained index.html (`pathwalk report --single-file`)
//
// The categories are defined once, in pathwalk (pathwalk.report.allure_run.CATEGORIES): a walk
// writes them to <results>/categories.json and they are loaded here, because Allure 3's report
// applies only the categories of its config. The environment table (base URL, browser, commit,
// personas) comes from <results>/environment.properties, also written by the walk.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const results = process.env.PATHWALK_ALLURE_RESULTS || "reports/allure-results";
const reports = dirname(results);
const categoriesFile = join(results, "categories.json");

export default {
  name: "Customer journeys: friction report",
  // One line per run: keep this file between CI runs (a cache) for trends and each journey's history.
  historyPath: process.env.PATHWALK_ALLURE_HISTORY || join(reports, "history.jsonl"),
  categories: existsSync(categoriesFile) ? JSON.parse(readFileSync(categoriesFile, "utf-8")) : [],
  // Every journey of the run against its budgets, under "Global attachments".
  globalAttachments: [join(reports, "journey-overview.svg")],
  plugins: {
    awesome: {
      options: {
        singleFile: process.env.PATHWALK_SINGLE_FILE === "1",
        reportLanguage: "en",
        charts: [
          { type: "currentStatus", title: "Journeys within their standards" },
          { type: "statusDynamics", title: "Journeys run by run" },
          { type: "durationDynamics", title: "Time to walk the journeys, run by run" },
        ],
      },
    },
  },
};
