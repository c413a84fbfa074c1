// Seed 002's "Decryption Example (JavaScript/Node.js)", unchanged between the markers; the lines after
// the snippet only feed it the payload and secret from the command line and print the result as JSON.
// ---- seed 002 snippet ----
const crypto = require('crypto');

function decryptResponse(encryptedPayload, secretKey) {
  // Decode base64
  const encryptedData = Buffer.from(encryptedPayload, 'base64');
  
  // Extract IV (first 16 bytes)
  const iv = encryptedData.slice(0, 16);
  const ciphertext = encryptedData.slice(16);
  
  // Derive key from secret key
  const key = crypto.createHash('sha256').update(secretKey).digest();
  
  // Decrypt
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  let decrypted = decipher.update(ciphertext);
  decrypted = Buffer.concat([decrypted, decipher.final()]);
  
  // Parse JSON
  return JSON.parse(decrypted.toString('utf-8'));
}
// ---- end of snippet ----
console.log(JSON.stringify(decryptResponse(process.argv[2], process.argv[3])));
