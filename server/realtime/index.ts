export { createSocketServer, roomOf, type InterviewIo } from "./socket-server.js";
