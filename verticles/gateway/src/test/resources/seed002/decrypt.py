# Seed 002's "Decryption Example (Python)", unchanged between the markers; the lines after the snippet
# only feed it the payload and secret from the command line and print the result as JSON.
# ---- seed 002 snippet ----
import json
import base64
import hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives import padding

def decrypt_response(encrypted_payload: str, secret_key: str) -> dict:
    """
    Decrypt the encrypted response from the server.
    
    Args:
        encrypted_payload: Base64-encoded encrypted data
        secret_key: Your client secret key
    
    Returns:
        Decrypted payload as dictionary
    """
    # Decode base64
    encrypted_data = base64.b64decode(encrypted_payload)
    
    # Extract IV (first 16 bytes)
    iv = encrypted_data[:16]
    ciphertext = encrypted_data[16:]
    
    # Derive key from secret key
    key = hashlib.sha256(secret_key.encode()).digest()
    
    # Decrypt
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv), backend=default_backend())
    decryptor = cipher.decryptor()
    padded_data = decryptor.update(ciphertext) + decryptor.finalize()
    
    # Unpad
    unpadder = padding.PKCS7(128).unpadder()
    data = unpadder.update(padded_data) + unpadder.finalize()
    
    # Parse JSON
    return json.loads(data.decode('utf-8'))
# ---- end of snippet ----

if __name__ == "__main__":
    import sys
    print(json.dumps(decrypt_response(sys.argv[1], sys.argv[2])))
