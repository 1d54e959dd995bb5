import { gradeQuestion } from "../../grading/index.js";
import { performWith } from "./perform.js";
import { serveReadings } from "./serve.js";

// The grading thread's worker: the deterministic grader's readings (perform.ts), answered one at a time (serve.ts).
serveReadings(performWith(gradeQuestion));
